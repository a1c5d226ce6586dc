import Foundation

/// Finds the `mappings/` folder that holds crosswalks, layouts and code tables.
///
/// In order: the `--mappings` option, the `REMIT_MAPPINGS` environment variable, a `mappings` folder beside
/// the executable or in any folder above it (so `.build/release/remit` finds the repository's), then
/// `./mappings`.
public enum MappingsDirectory {
    public static func locate(explicit: String?, environment: [String: String], executablePath: String) -> String? {
        if let explicit { return explicit }
        if let fromEnvironment = environment["REMIT_MAPPINGS"], !fromEnvironment.isEmpty { return fromEnvironment }
        var folder = URL(fileURLWithPath: executablePath).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("mappings")
            if isDirectory(candidate.path) { return candidate.path }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return isDirectory("mappings") ? "mappings" : nil
    }

    static func isDirectory(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }
}
