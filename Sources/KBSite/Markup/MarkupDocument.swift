internal import CLibXML2
import Foundation

/// An HTML page or XML file built as a libxml2 document tree and serialized by
/// libxml2, so every text node and attribute value is escaped on the way out.
///
/// This file and `MarkupElement.swift` are the only places that touch libxml2's
/// C pointers. The document owns its tree: elements handed out by ``root`` are
/// valid only while the document is alive, so build and serialize in one scope.
final class MarkupDocument {
    enum Kind {
        /// HTML, with `<!DOCTYPE html>` and HTML serialization rules (void elements, raw `<script>` text).
        case html
        /// XML with a declaration, for `sitemap.xml`.
        case xml
    }

    let kind: Kind
    /// The root element: `<html>` for HTML, the named root for XML.
    let root: MarkupElement
    private let document: xmlDocPtr

    /// An empty HTML5 document: `<!DOCTYPE html>` and `<html lang="…">`.
    convenience init(htmlLanguage language: String) {
        Self.prepareThread()
        guard let document = htmlNewDocNoDtD(nil, nil) else { Self.outOfMemory("creating a document") }
        // No public or system id: libxml2 then writes the HTML5 doctype.
        xmlCreateIntSubset(document, "html", nil, nil)
        self.init(kind: .html, document: document, rootName: "html", namespace: nil)
        root.setAttribute("lang", language)
    }

    /// An empty XML document whose root element is in `namespace` (the default namespace).
    convenience init(xmlRoot name: StaticString, namespace: String) {
        Self.prepareThread()
        guard let document = xmlNewDoc("1.0") else { Self.outOfMemory("creating a document") }
        self.init(kind: .xml, document: document, rootName: name, namespace: namespace)
    }

    private init(kind: Kind, document: xmlDocPtr, rootName: StaticString, namespace: String?) {
        self.kind = kind
        self.document = document
        // Element and attribute names are interned in the document's dictionary instead of
        // copied per node (xmlFreeDoc frees it with the tree).
        document.pointee.dict = xmlDictCreate()
        let node = MarkupElement.withName(rootName) { xmlNewDocNode(document, nil, $0, nil) }
        guard let node else { Self.outOfMemory("creating the root element") }
        xmlDocSetRootElement(document, node)
        if let namespace {
            let space = MarkupText.withCleanCString(namespace) { xmlNewNs(node, $0, nil) }
            xmlSetNs(node, space)
        }
        root = MarkupElement(node: node)
    }

    deinit {
        xmlFreeDoc(document)
    }

    /// Declares `uri` with `prefix` on the root element (`xmlns:xhtml="…"`), for child
    /// elements in that namespace (``MarkupElement/element(_:namespace:)``).
    func declareNamespace(_ uri: String, prefix: StaticString) -> MarkupNamespace {
        let space = MarkupElement.withName(prefix) { prefix in
            MarkupText.withCleanCString(uri) { xmlNewNs(root.node, $0, prefix) }
        }
        guard let space else { Self.outOfMemory("declaring a namespace") }
        return MarkupNamespace(pointer: space)
    }

    /// The document as UTF-8 bytes: HTML through `htmlDocDumpMemoryFormat`, XML through
    /// `xmlDocDumpFormatMemoryEnc`; both indent block elements.
    ///
    /// An HTML document is written as UTF-8 only when its head declares it with
    /// `<meta http-equiv="Content-Type" content="text/html; charset=utf-8">`, the form
    /// libxml2 2.9 recognises; otherwise libxml2 falls back to character references.
    func serialized() throws(LibXML2Error) -> Data {
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlResetLastError()
        switch kind {
        case .html:
            htmlDocDumpMemoryFormat(document, &buffer, &size, 1)
        case .xml:
            xmlDocDumpFormatMemoryEnc(document, &buffer, &size, "UTF-8", 1)
        }
        guard let buffer, size >= 0 else { throw LibXML2Error.last(while: "serializing a page") }
        defer { kb_xml_free(buffer) }
        return Data(bytes: buffer, count: Int(size))
    }

    /// The HTML of the elements `build` adds, with no page around them: a fragment for
    /// pasting into a rich-text editor or embedding in another page.
    ///
    /// The fragment is built in the `<body>` of a document whose head declares UTF-8, so
    /// libxml2 writes text as UTF-8, and is cut out of that document's serialization:
    /// `<body>` and `</body>` cannot occur inside it, since text is escaped.
    static func fragment(_ build: (MarkupElement) -> Void) throws(LibXML2Error) -> String {
        let document = MarkupDocument(htmlLanguage: "en")
        document.root.element("head").element("meta", ["http-equiv": "Content-Type", "content": "text/html; charset=utf-8"])
        let body = document.root.element("body")
        build(body)
        let html = String(decoding: try document.serialized(), as: UTF8.self)
        guard let open = html.range(of: "<body>"), let close = html.range(of: "</body>", options: .backwards),
            open.upperBound <= close.lowerBound
        else { return "" }
        return html[open.upperBound..<close.lowerBound].trimmingCharacters(in: .newlines)
    }

    /// Initialises libxml2 once per process and silences its error printing on this
    /// thread (libxml2 keeps error handlers per thread).
    private static func prepareThread() {
        _ = initialised
        kb_xml_install_error_handlers()
    }

    private static let initialised: Void = {
        xmlInitParser()
    }()

    /// The tree API returns NULL only when malloc fails; there is nothing sensible to
    /// build after that, so stop with libxml2's own description of the failure.
    static func outOfMemory(_ operation: String) -> Never {
        fatalError(LibXML2Error.last(while: operation).description)
    }
}

/// A failure inside libxml2, with the library's own error code and message.
public struct LibXML2Error: Error, Sendable, CustomStringConvertible {
    /// What kb was doing, e.g. "serializing a page".
    public var operation: String
    /// libxml2's `xmlParserErrors` code (0 when libxml2 recorded none).
    public var code: Int
    /// libxml2's message, without its trailing newline.
    public var message: String

    public var description: String {
        "libxml2 failed while \(operation): \(message) (libxml2 error \(code)); "
            + "this usually means the machine ran out of memory: free some and build again"
    }

    /// The error libxml2 last recorded on this thread.
    static func last(while operation: String) -> LibXML2Error {
        guard let error = xmlGetLastError() else {
            return LibXML2Error(operation: operation, code: 0, message: "no error recorded")
        }
        let message = error.pointee.message.map { String(cString: $0) } ?? "no message"
        return LibXML2Error(
            operation: operation, code: Int(error.pointee.code),
            message: message.trimmingCharacters(in: .whitespacesAndNewlines)
        )
    }
}
