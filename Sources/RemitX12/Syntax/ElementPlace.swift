import RemitCore

/// Where an element sits, without the file name: what a reader keeps for a record still being read.
///
/// Turned into a `SourceLocation` only when a record or a problem needs one, so an element read on the hot
/// path costs a few integers instead of a location with its strings.
struct ElementPlace {
    var line: Int
    var column: Int
    var byteOffset: Int64
    var segmentIndex: Int
    /// The element's name, e.g. `RMR04`.
    var element: String

    func location(file: String) -> SourceLocation {
        SourceLocation(
            file: file, line: line, column: column, byteOffset: byteOffset, segmentIndex: segmentIndex,
            element: element)
    }
}
