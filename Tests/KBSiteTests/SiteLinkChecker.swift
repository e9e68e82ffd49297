import Foundation
import KBSite

/// Checks every internal link of a built site: each `href`, `src` and `action` must lead
/// to a file of the site, and each `#fragment` to an element with that id on the page.
/// Links under the base URL count as internal; other web and mail links are not followed.
struct SiteLinkChecker {
    let site: StaticSite
    let baseURL: String?

    /// One line per broken link: `page: attribute=value: what is wrong`.
    func problems() -> [String] {
        var pages: [String: HTMLNode] = [:]
        for file in site.files where file.isPage {
            pages[file.path] = HTMLNode.parse(file.contents)
        }
        let paths = Set(site.files.map(\.path))
        var problems: [String] = []
        for (path, page) in pages.sorted(by: { $0.key < $1.key }) {
            for element in page.elements {
                for attribute in ["href", "src", "action"] {
                    guard let value = element[attribute] else { continue }
                    if let problem = check(value, from: path, paths: paths, pages: pages) {
                        problems.append("\(path): \(attribute)=\(value): \(problem)")
                    }
                }
            }
        }
        return problems
    }

    private func check(_ value: String, from page: String, paths: Set<String>, pages: [String: HTMLNode]) -> String? {
        var link = value
        if let baseURL, link.hasPrefix(baseURL) {
            link = String(link.dropFirst(baseURL.count))
            if link.isEmpty || link.hasPrefix("#") { link = "index.html" + link }
            return resolve(link, from: "", paths: paths, pages: pages)
        }
        if link.hasPrefix("mailto:") || link.hasPrefix("https://") || link.hasPrefix("http://") {
            return nil
        }
        if link.contains(":") { return "not a relative link" }
        return resolve(link, from: page, paths: paths, pages: pages)
    }

    private func resolve(_ link: String, from page: String, paths: Set<String>, pages: [String: HTMLNode]) -> String? {
        let parts = link.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        let pathPart = parts[0].split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        var target: String
        if pathPart.isEmpty {
            target = page
        } else {
            var components = page.split(separator: "/").dropLast().map(String.init)
            for component in pathPart.split(separator: "/", omittingEmptySubsequences: false) {
                switch component {
                case "..":
                    guard !components.isEmpty else { return "leaves the site's folder" }
                    components.removeLast()
                case ".", "":
                    continue
                default:
                    components.append(String(component))
                }
            }
            target = components.joined(separator: "/")
            if pathPart.hasSuffix("/") { target += (target.isEmpty ? "" : "/") + "index.html" }
        }
        guard paths.contains(target) else { return "no file \(target)" }
        if parts.count > 1, !parts[1].isEmpty {
            guard let targetPage = pages[target] else { return "#\(parts[1]) on a file that is not a page" }
            guard targetPage.elements.contains(where: { $0["id"] == parts[1] }) else { return "no id '\(parts[1])' in \(target)" }
        }
        return nil
    }
}
