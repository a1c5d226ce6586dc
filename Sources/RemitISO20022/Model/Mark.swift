import RemitCore

/// Where an element is in the file, short of the file's name: its start tag's line and its element path.
///
/// Kept in the parser's open states instead of a whole `SourceLocation`, which also carries the file name and
/// fields XML never fills; `ISO20022Parser.place(_:)` makes the location when a record or message needs it.
struct Mark {
    var line: Int
    var path: String
}
