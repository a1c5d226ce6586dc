import RemitCore

/// A named CSV column and how to fill it from one value, so a header and its rows cannot drift apart.
struct CSVColumn<Value>: Sendable {
    let name: String
    let cell: @Sendable (Value) -> CSVCell

    init(_ name: String, _ cell: @escaping @Sendable (Value) -> CSVCell) {
        self.name = name
        self.cell = cell
    }

    /// The same column read from a part of a larger value.
    func lifted<Outer>(_ part: @escaping @Sendable (Outer) -> Value) -> CSVColumn<Outer> {
        let cell = self.cell
        return CSVColumn<Outer>(name) { cell(part($0)) }
    }

    static func header(_ columns: [CSVColumn<Value>]) -> [String] { columns.map(\.name) }

    static func row(_ columns: [CSVColumn<Value>], _ value: Value) -> [CSVCell] { columns.map { $0.cell(value) } }
}

extension CSVColumn where Value == Party {
    /// `<prefix>_name`, `<prefix>_id_qualifier`, `<prefix>_id`: a party flattened.
    static func party(_ prefix: String) -> [CSVColumn<Party>] {
        [
            CSVColumn(prefix + "_name") { .optional($0.name) },
            CSVColumn(prefix + "_id_qualifier") { .optional($0.idQualifier) },
            CSVColumn(prefix + "_id") { .optional($0.id) },
        ]
    }
}

extension CSVColumn where Value == Provenance {
    /// The `source` object of the JSON form, flattened with a `source_` prefix.
    static let source: [CSVColumn<Provenance>] = [
        CSVColumn("source_file") { .text($0.location.file) },
        CSVColumn("source_sha256") { .text($0.fileSHA256) },
        CSVColumn("source_line") { .integer($0.location.line) },
        CSVColumn("source_column") { .integer($0.location.column) },
        CSVColumn("source_byte_offset") { .number(String($0.location.byteOffset)) },
        CSVColumn("source_segment_index") { .integer($0.location.segmentIndex) },
        CSVColumn("source_element") { .optional($0.location.element) },
        CSVColumn("source_path") { .optional($0.location.path) },
        CSVColumn("source_interchange_control") { .optional($0.envelope.interchangeControl) },
        CSVColumn("source_group_control") { .optional($0.envelope.groupControl) },
        CSVColumn("source_transaction_control") { .optional($0.envelope.transactionControl) },
        CSVColumn("source_sender_id") { .optional($0.envelope.senderID) },
        CSVColumn("source_receiver_id") { .optional($0.envelope.receiverID) },
        CSVColumn("source_version") { .optional($0.envelope.version) },
        CSVColumn("source_transaction_id") { .text($0.transactionID) },
    ]
}
