import Foundation
import PackagePlugin

/// Builds the shipped `Content/` folder into the target that uses this plugin: every
/// file becomes a string in a generated Swift source, so the kb binary carries its
/// default content and never looks for the source tree at run time.
///
/// Every content file is an input of the command, so an edit to `Content/` rebuilds it.
@main
struct EmbedContentPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let content = context.package.directoryURL.appendingPathComponent("Content")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedContentFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding the shipped Content/ in \(target.name)",
                executable: try context.tool(named: "kb-embed-content").url,
                arguments: [content.path, output.path],
                inputFiles: Self.files(under: content),
                outputFiles: [output]
            ),
        ]
    }

    /// Every regular file below `folder`, sorted, skipping hidden ones.
    static func files(under folder: URL) -> [URL] {
        let enumerator = FileManager.default.enumerator(
            at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles]
        )
        var files: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true { files.append(url) }
        }
        return files.sorted { $0.path < $1.path }
    }
}
