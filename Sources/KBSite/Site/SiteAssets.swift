import Foundation

/// The files every site has besides its pages, kept as real files in `Assets/` and
/// compiled into kb (SwiftPM `embedInCode`), so `kb` needs nothing beside its binary.
enum SiteAssets {
    static let styleSheetName = "style.css"
    static let faviconName = "favicon.svg"
    static let searchScriptName = "search.js"
    static let searchIndexName = "search-index.js"
    /// The "Copy answer" button's script, on article and code pages.
    static let copyScriptName = "copy.js"
    /// The flow pages' form script: runs the simulator through the API, no page load.
    static let flowScriptName = "flow.js"
    /// "Was this helpful?" sent with fetch, on article and code pages of a site with feedback.
    static let feedbackScriptName = "feedback.js"
    /// Marks a folder as written by `kb site build`, so a later build may replace it.
    static let markerName = ".kb-site"

    static var styleSheet: Data { Data(PackageResources.style_css) }
    static var favicon: Data { Data(PackageResources.favicon_svg) }
    static var searchScript: Data { Data(PackageResources.search_js) }
    static var copyScript: Data { Data(PackageResources.copy_js) }
    static var flowScript: Data { Data(PackageResources.flow_js) }
    static var feedbackScript: Data { Data(PackageResources.feedback_js) }
    static var marker: Data {
        Data("This folder was written by `kb site build`; the next build replaces all of it.\n".utf8)
    }
}
