import RemitCore
import RemitReport
import Testing

@Suite struct RecordCSVTests {
    static let provenance = Provenance(
        location: SourceLocation(file: "in/a.820", line: 3, column: 1, byteOffset: 88, segmentIndex: 3),
        fileSHA256: "ff", envelope: EnvelopeKeys(interchangeControl: "905"), transactionID: "ST@2")

    static let records: [CanonicalRecord] = [
        .payment(
            Payment(
                id: "p:pay:1", payer: Party(name: "Acme"), payee: Party(name: "Us", idQualifier: "1", id: "0042"),
                method: "ACH", format: "CTX", handlingCode: "C",
                amount: Money(
                    FixedDecimal(units: 12_345, scale: 2),
                    "USD"), direction: .credit, date: CalendarDate(year: 2026, month: 3, day: 1),
                traceNumber: "T1", originatorID: nil, provenance: provenance,
                references: [
                    PaymentReference(qualifier: "CK", value: "40012"),
                    PaymentReference(qualifier: "VR", value: "V-1", description: "VENDOR"),
                ])),
        .remittanceLine(
            RemittanceLine(
                id: "p:line:4", paymentID: "p:pay:1", referenceQualifier: "IV", reference: "INV-1",
                normalizedReference:
                    "1", purchaseOrder: nil, invoiceDate: nil,
                amountPaid: Money(
                    FixedDecimal(units: 100, scale: 0),
                    "EUR"), invoiceAmount: nil, discountTaken: Money(FixedDecimal(units: 2, scale: 0), "EUR"),
                payer: Party(name: "Acme"), provenance: provenance)),
        .deduction(
            Deduction(
                id: "p:ded:5", paymentID: "p:pay:1", lineID: nil,
                amount: Money(
                    FixedDecimal(units: -7, scale: 1),
                    "USD"), reasonCode: "-AB", reasonCodeList: "X12-426", category: .pricing,
                categorySource:
                    "mappings/x.tsv:3", reasonText: "a, \"b\"", invoiceReference: nil, memoNumber: nil,
                memoQualifier: nil, payer: Party(), paymentTrace: nil, origin: .stated, provenance: provenance)),
        .bankTransaction(
            BankTransaction(
                id: "p:btx:9", account: "123", asOfDate: nil, valueDate: nil, typeCode: "165", direction: .credit,
                amount: Money(FixedDecimal(units: 5, scale: 0), "USD"), fundsType: nil, bankReference: nil,
                customerReference: nil, text: "@risk", isReversal: true, provenance: provenance)),
    ]

    @Test(arguments: records)
    func rowHasOneCellPerHeaderColumnAndStartsWithItsKind(record: CanonicalRecord) {
        let header = RecordCSV.header(for: record.recordType)
        let row = RecordCSV.row(record)
        #expect(header.count == row.count)
        #expect(header.first == "record_type")
        #expect(row.first == .text(record.recordType))
        #expect(header.suffix(15).first == "source_file")
        #expect(Set(header).count == header.count)
    }

    @Test func knowsEveryKindAndNothingElse() {
        #expect(RecordCSV.kinds.allSatisfy { !RecordCSV.header(for: $0).isEmpty })
        #expect(RecordCSV.header(for: "invoice").isEmpty)
    }

    @Test func writesTheDeductionRowExactly() {
        var writer = CSVWriter()
        writer.writeHeader(RecordCSV.header(for: "deduction"))
        writer.writeRow(RecordCSV.row(RecordCSVTests.records[2]))
        let text = String(decoding: writer.bytes, as: UTF8.self)
        #expect(
            text == "record_type,id,payment_id,line_id,amount,currency,origin,category,category_source,reason_code,"
                + "reason_code_list,reason_text,invoice_reference,memo_number,memo_qualifier,payer_name,"
                + "payer_id_qualifier,payer_id,payment_trace,source_file,source_sha256,source_line,source_column,"
                + "source_byte_offset,source_segment_index,source_element,source_path,source_interchange_control,"
                + "source_group_control,source_transaction_control,source_sender_id,source_receiver_id,"
                + "source_version,source_transaction_id\r\n"
                + "deduction,p:ded:5,p:pay:1,,-0.70,USD,stated,pricing,mappings/x.tsv:3,'-AB,X12-426,"
                + "\"a, \"\"b\"\"\",,,,,,,,in/a.820,ff,3,1,88,3,,,905,,,,,,ST@2\r\n")
    }

    @Test func flattensEveryMoneyFieldWithItsCurrency() {
        let header = RecordCSV.header(for: "remittance_line")
        let row = RecordCSV.row(RecordCSVTests.records[1])
        let cells = Dictionary(uniqueKeysWithValues: zip(header, row.map(\.rawText)))
        #expect(cells["amount_paid"] == "100.00")
        #expect(cells["amount_paid_currency"] == "EUR")
        #expect(cells["invoice_amount"] == "")
        #expect(cells["discount_taken"] == "2.00")
        #expect(cells["discount_taken_currency"] == "EUR")
    }

    @Test func writesPaymentAndBankTransactionFields() {
        let payment = Dictionary(
            uniqueKeysWithValues: zip(RecordCSV.header(for: "payment"), RecordCSV.row(RecordCSVTests.records[0])))
        #expect(payment["amount"] == .number("123.45"))
        #expect(payment["payee_id"] == .text("0042"))
        #expect(payment["date"] == .text("2026-03-01"))
        #expect(payment["references"] == .text("CK=40012 | VR=V-1 (VENDOR)"))
        let transaction = Dictionary(
            uniqueKeysWithValues: zip(
                RecordCSV.header(for: "bank_transaction"), RecordCSV.row(RecordCSVTests.records[3])))
        #expect(transaction["reversal"] == .text("true"))
        #expect(transaction["text"].map(CSVWriter.guarded) == "'@risk")
    }
}
