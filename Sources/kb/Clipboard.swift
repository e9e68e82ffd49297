import Foundation

/// Puts text on the user's clipboard, the way that works where kb runs.
enum Clipboard {
    /// OSC 52 when stdout is a terminal (works over SSH), else the first of
    /// wl-copy, xclip or pbcopy found on PATH; says on stderr what happened.
    static func copy(_ text: String) {
        if Terminal.isInteractive {
            let encoded = Data(text.utf8).base64EncodedString()
            FileHandle.standardOutput.write(Data("\u{1B}]52;c;\(encoded)\u{07}".utf8))
            Terminal.standardError("copied to the clipboard (through the terminal, OSC 52)")
            return
        }
        let tools: [(String, [String])] = [("wl-copy", []), ("xclip", ["-selection", "clipboard"]), ("pbcopy", [])]
        for (tool, arguments) in tools {
            guard let path = executable(named: tool) else { continue }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: path)
            process.arguments = arguments
            let input = Pipe()
            process.standardInput = input
            do {
                try process.run()
                input.fileHandleForWriting.write(Data(text.utf8))
                try input.fileHandleForWriting.close()
                process.waitUntilExit()
                if process.terminationStatus == 0 {
                    Terminal.standardError("copied to the clipboard (\(tool))")
                    return
                }
            } catch {
                continue
            }
        }
        Terminal.standardError("not copied: stdout is not a terminal and no wl-copy, xclip or pbcopy was found; pipe the output instead")
    }

    private static func executable(named name: String) -> String? {
        let paths = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return paths.map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
