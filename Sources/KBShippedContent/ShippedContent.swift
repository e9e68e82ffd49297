public import KBContent
import Foundation

/// The content built into kb: the repository's `Content/` folder as it was at build
/// time (the EmbedContent plugin turns it into ``embeddedContentFiles``), so an
/// installed or copied binary always has its default knowledge base.
public enum ShippedContent {
    /// What diagnostics and messages call the built-in copy.
    public static let label = "built-in"

    /// Every file of the built-in content.
    public static let files: ContentFiles = {
        var decoded: [String: Data] = [:]
        for (path, base64) in embeddedContentFiles {
            // The generator wrote the base64 itself; a string it cannot decode would be a build bug.
            decoded[path] = Data(base64Encoded: base64) ?? Data()
        }
        return ContentFiles.memory(decoded, label: label)
    }()
}
