internal import CLibXML2

/// An element of a ``MarkupDocument``: add child elements, text and attributes.
///
/// A thin handle on a libxml2 node, valid only while its document is alive.
/// Element and attribute names are `StaticString`s, so only kb's own code names
/// them; every value passes through ``MarkupText`` first, which drops NUL and
/// other control characters that must not reach an HTML page.
struct MarkupElement {
    let node: xmlNodePtr

    /// Appends an empty child element and returns it.
    @discardableResult
    func element(_ name: StaticString) -> MarkupElement {
        // xmlNewChild with NULL content: content passed here would be parsed for entities.
        let child = Self.withName(name) { xmlNewChild(node, nil, $0, nil) }
        guard let child else { MarkupDocument.outOfMemory("adding an element") }
        return MarkupElement(node: child)
    }

    /// Appends an empty child element in `namespace` (written with its prefix, `xhtml:link`).
    @discardableResult
    func element(_ name: StaticString, namespace: MarkupNamespace) -> MarkupElement {
        let child = Self.withName(name) { xmlNewChild(node, namespace.pointer, $0, nil) }
        guard let child else { MarkupDocument.outOfMemory("adding an element") }
        return MarkupElement(node: child)
    }

    /// Appends a child element with attributes, in the order given.
    @discardableResult
    func element(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String>) -> MarkupElement {
        let child = element(name)
        for (attribute, value) in attributes { child.setAttribute(attribute, value) }
        return child
    }

    /// Appends a child element holding `text`.
    @discardableResult
    func element(_ name: StaticString, _ attributes: KeyValuePairs<StaticString, String> = [:], text: String) -> MarkupElement {
        let child = element(name, attributes)
        child.text(text)
        return child
    }

    /// Appends a text node; libxml2 escapes it when the document is serialized.
    func text(_ string: String) {
        guard !string.isEmpty else { return }
        let document = node.pointee.doc
        let textNode = MarkupText.withCleanCString(string) { xmlNewDocText(document, $0) }
        guard let textNode else { MarkupDocument.outOfMemory("adding text") }
        // xmlAddChild merges the node into a preceding text node (and frees it) when there is one.
        xmlAddChild(node, textNode)
    }

    /// Sets an attribute; the value is stored as text and escaped on output.
    func setAttribute(_ name: StaticString, _ value: String) {
        let property = Self.withName(name) { name in
            MarkupText.withCleanCString(value) { xmlSetProp(node, name, $0) }
        }
        if property == nil { MarkupDocument.outOfMemory("setting an attribute") }
    }

    /// Calls `body` with a static name as a NUL-terminated C string.
    static func withName<Result>(_ name: StaticString, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
        if name.hasPointerRepresentation {
            return body(name.utf8Start)
        }
        return MarkupText.withCleanCString(name.description, body)
    }
}

/// A namespace declared on a document's root (``MarkupDocument/declareNamespace(_:prefix:)``),
/// valid while the document is alive.
struct MarkupNamespace {
    let pointer: xmlNsPtr
}
