// Compiles a target's non-Swift files (Migrations/*.sql, Seeds/*.json) into the binary as Swift source,
// so `archive` carries them wherever it is copied. SwiftPM resources are not used: a copied binary
// without its `.resources` folder traps. The file list is the target's own, re-read on every build,
// so added, edited and removed files are seen at once.
import PackagePlugin

@main
struct EmbedFiles: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let module = target.sourceModule else { return [] }
        let inputs = module.sourceFiles
            .filter { $0.url.pathExtension != "swift" && !$0.url.lastPathComponent.hasPrefix(".") }
            .map(\.url)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedFiles.swift")
        return [
            .buildCommand(
                displayName: "Embedding \(inputs.count) files of \(target.name)",
                executable: try context.tool(named: "EmbedFilesTool").url,
                arguments: [output.path(percentEncoded: false)] + inputs.map { $0.path(percentEncoded: false) },
                inputFiles: inputs,
                outputFiles: [output]
            )
        ]
    }
}
