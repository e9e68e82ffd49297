internal import CLibXML2
import Foundation

/// A page read back with libxml2's HTML parser into a plain Swift tree, so tests can
/// assert on elements and attributes rather than on strings. The only file of the
/// tests that touches libxml2.
struct HTMLNode: Sendable {
    /// The element's name in lower case; `#text` for text.
    var name: String
    var attributes: [String: String]
    var children: [HTMLNode]
    /// The text of a `#text` node.
    var text: String

    /// Parses HTML bytes (errors of the HTML 4 parser about HTML5 elements are ignored).
    static func parse(_ data: Data) -> HTMLNode? {
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
        let document = data.withUnsafeBytes { bytes in
            htmlReadMemory(bytes.baseAddress?.assumingMemoryBound(to: CChar.self), Int32(bytes.count), "page.html", "UTF-8", options)
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        return convert(root)
    }

    private static func convert(_ node: xmlNodePtr) -> HTMLNode {
        let name = String(cString: node.pointee.name)
        var attributes: [String: String] = [:]
        var property = node.pointee.properties
        while let current = property {
            let key = String(cString: current.pointee.name)
            if let value = xmlGetProp(node, current.pointee.name) {
                attributes[key] = String(cString: value)
                kb_xml_free(value)
            }
            property = current.pointee.next
        }
        var children: [HTMLNode] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                children.append(convert(current))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = current.pointee.content.map { String(cString: $0) } ?? ""
                children.append(HTMLNode(name: "#text", attributes: [:], children: [], text: text))
            default:
                break
            }
            child = current.pointee.next
        }
        return HTMLNode(name: name.lowercased(), attributes: attributes, children: children, text: "")
    }

    /// Every element below this one (and itself) named `name`, in document order.
    func all(_ name: String) -> [HTMLNode] {
        elements.filter { $0.name == name }
    }

    /// Every element below this one and itself, in document order.
    var elements: [HTMLNode] {
        var result: [HTMLNode] = []
        var stack = [self]
        while let node = stack.popLast() {
            guard node.name != "#text" else { continue }
            result.append(node)
            stack.append(contentsOf: node.children.reversed())
        }
        return result
    }

    /// The text of this node and all below it.
    var textContent: String {
        if name == "#text" { return text }
        return children.map(\.textContent).joined()
    }

    subscript(attribute: String) -> String? { attributes[attribute] }

    /// How many elements deep the tree goes.
    var depth: Int {
        1 + (children.filter { $0.name != "#text" }.map(\.depth).max() ?? 0)
    }
}
