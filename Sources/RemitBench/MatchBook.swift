import RemitCore

/// The synthetic receivables book `remit-bench match` reconciles: an invoice export, the payments and
/// remittance lines against it, stated deductions, one partner file per partner customer, and the answer
/// for every line.
///
/// Every rule of the matcher has lines to decide. Customers come in four kinds, by their number:
/// - big customers (200 invoices; most of them) pay by exact reference, sometimes with a discount (earned
///   or late), a stated deduction or an unexplained short pay; some references have two digits swapped
///   (one edit away, or landing on another customer's invoice), some are the PO number, some are empty with
///   the invoice named in the payment's free text, some carry `INV-00` in front, and some lines are paid by
///   a stranger the export does not know;
/// - partner customers (200 invoices, every 20th customer) pay under another id listed in their partner
///   file, with a `BM-` prefix the partner's clean-up rule removes, some short by 0.50 within the partner's
///   1.00 tolerance;
/// - small customers (8 invoices) pay half by reference and half without one, some of those two invoices
///   in one line: found by amount, alone or as a combination;
/// - medium customers (60 invoices) pay a fifth of them without any reference while the rest stay open,
///   so each of those lines runs the combination search over about 50 open invoices; 3 % of their lines
///   pay an amount no invoice or set of invoices of the export was meant to fit, a search that only stops
///   at its step bound.
/// About 3 % of a big customer's invoices are not paid in the run, and every 400th payment is read a second
/// time from another file (its copy must not be applied). Amounts come from a fixed linear congruential
/// sequence, so every run builds the same book.
struct MatchBook {
    var invoices: [Invoice] = []
    var lines: [RemittanceLine] = []
    /// Line `i` settles the invoices at `truths[truthStarts[i]..<truthStarts[i + 1]]` (indices into
    /// `invoices`), none when nothing should be applied. Kept flat so the answers weigh little beside the book.
    var truthStarts: [Int32] = [0]
    var truths: [Int32] = []
    var payments: [Payment] = []
    var deductions: [Deduction] = []
    var partners: [Partner] = []

    /// Builds a book of exactly `lines` remittance lines (and about as many invoices).
    init(lines requested: Int) {
        var builder = Builder(requested: requested)
        builder.book.lines.reserveCapacity(requested)
        builder.book.truthStarts.reserveCapacity(requested + 1)
        builder.book.truths.reserveCapacity(requested + requested / 64)
        builder.book.invoices.reserveCapacity(requested + requested / 16)
        while builder.book.lines.count < requested { builder.addCustomer() }
        builder.closePayment()
        self = builder.book
    }

    fileprivate init() {}

    /// The numbers of the invoices line `index` settles.
    func truth(of index: Int) -> [String] {
        truths[Int(truthStarts[index])..<Int(truthStarts[index + 1])].map { invoices[Int($0)].number }
    }
}

extension MatchBook {
    fileprivate enum Kind {
        case big, partner, small, medium
    }

    /// Appends customers, their invoices and what they pay, one customer at a time.
    fileprivate struct Builder {
        let requested: Int
        var book = MatchBook()
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        var number = 4_000_000
        var customer = 0
        /// The payment being filled: its payer, line indices and its lines' provenance; closed at 20 lines or a
        /// new payer.
        var openPayment: (payer: Party, lines: [Int], provenance: Provenance)?
        var paymentCount = 0
        let paymentDate = CalendarDate(year: 2025, month: 3, day: 14)!
        let firstInvoiceDate = CalendarDate(year: 2025, month: 2, day: 1)!
        let strangers = (0..<50).map { Party(name: "Stranger Holdings \($0) Trading", idQualifier: "92", id: "S\($0)") }

        init(requested: Int) { self.requested = requested }

        var full: Bool { book.lines.count >= requested }

        mutating func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }

        mutating func addCustomer() {
            customer += 1
            let kind: Kind
            switch customer % 20 {
            case 0: kind = .medium
            case 7: kind = .partner
            case 5, 10, 15: kind = .small
            default: kind = .big
            }
            let id = "K\(customer)"
            let name = "Customer \(customer) Inc"
            var payer = Party(name: name, idQualifier: "92", id: id)
            if kind == .partner {
                payer = Party(name: name, idQualifier: "92", id: "ALT\(customer)")
                book.partners.append(
                    Partner(
                        key: "bench\(customer)", name: name, payerIDs: [id, "ALT\(customer)"], payerNames: [],
                        directory: "bench/partners/bench\(customer)",
                        matching: PartnerMatchingSettings(
                            stripPrefixes: ["BM-"], toleranceAmount: FixedDecimal(units: 100, scale: 2))))
            }
            closePayment()
            var pending: Invoice?
            let count = [Kind.big: 200, .partner: 200, .small: 8, .medium: 60][kind]!
            for _ in 0..<count where !full {
                let invoice = addInvoice(customerID: id, customerName: name)
                let roll = next(100)
                switch kind {
                case .big: big(invoice, roll: roll, payer: payer)
                case .partner: partner(invoice, roll: roll, payer: payer)
                case .small, .medium:
                    if kind == .medium && roll >= 20 {
                        // A few payments for something the export does not hold: nothing fits, so the search
                        // for them only ends at its step bound.
                        guard roll < 23 else { continue }
                        let stray = Money(FixedDecimal(units: Int64(10_000 + next(900_000)), scale: 2), "USD")
                        addLine(payer: payer, reference: "", paid: stray, truth: [])
                        continue
                    }
                    if kind == .small && roll < 50 {
                        addLine(payer: payer, reference: invoice.number, paid: invoice.amount, truth: [invoice])
                    } else if let first = pending {
                        pending = nil
                        let sum = Money(first.amount.amount + invoice.amount.amount, "USD")
                        addLine(payer: payer, reference: "", paid: sum, truth: [first, invoice])
                    } else if next(3) == 0 {
                        pending = invoice
                    } else {
                        addLine(payer: payer, reference: "", paid: invoice.amount, truth: [invoice])
                    }
                }
            }
            if let first = pending, !full {
                addLine(payer: payer, reference: "", paid: first.amount, truth: [first])
            }
        }

        mutating func addInvoice(customerID: String, customerName: String) -> Invoice {
            number += 1 + next(7)
            let amount = Money(FixedDecimal(units: Int64(10_000 + next(900_000)), scale: 2), "USD")
            let discounted = next(10) < 3
            let invoice = Invoice(
                number: String(number), normalizedNumber: String(number), customerID: customerID,
                customerName: customerName, purchaseOrder: "PO\(number * 3 + 11)",
                invoiceDate: firstInvoiceDate.adding(days: next(40)), dueDate: nil, amount: amount,
                openAmount: amount, terms: discounted ? "2/10 NET 30" : "NET 30",
                location: SourceLocation(file: "bench.csv", line: book.invoices.count + 2, column: 1, byteOffset: 0))
            book.invoices.append(invoice)
            return invoice
        }

        mutating func big(_ invoice: Invoice, roll: Int, payer: Party) {
            let number = invoice.number
            switch roll {
            case 0..<3:
                return
            case 3..<80:
                let pick = next(100)
                let amount = invoice.amount.amount
                if invoice.terms != "NET 30" && pick < 50 {
                    let discount = percent(amount, 2)
                    addLine(
                        payer: payer, reference: number, paid: Money(amount - discount, "USD"), truth: [invoice],
                        discount: discount)
                } else if pick >= 50 && pick < 56 {
                    let short = percent(amount, pick < 53 ? 5 : 3)
                    let line = addLine(
                        payer: payer, reference: number, paid: Money(amount - short, "USD"), truth: [invoice])
                    if pick < 53, let line { addStatedDeduction(short, to: line) }
                } else {
                    addLine(payer: payer, reference: number, paid: invoice.amount, truth: [invoice])
                }
            case 80..<88:
                var digits = Array(number)
                digits.swapAt(3, 4)
                addLine(payer: payer, reference: String(digits), paid: invoice.amount, truth: [invoice])
            case 88..<94:
                addLine(payer: payer, reference: invoice.purchaseOrder!, paid: invoice.amount, truth: [invoice])
            case 94..<97:
                addLine(
                    payer: payer, reference: "", paid: invoice.amount, truth: [invoice], ownPayment: true,
                    text: "INVOICE \(number) MARCH DELIVERIES")
            case 97..<99:
                let stranger = strangers[next(strangers.count)]
                addLine(payer: stranger, reference: number, paid: invoice.amount, truth: [invoice], ownPayment: true)
            default:
                addLine(payer: payer, reference: "INV-00" + number, paid: invoice.amount, truth: [invoice])
            }
        }

        mutating func partner(_ invoice: Invoice, roll: Int, payer: Party) {
            switch roll {
            case 0..<3:
                return
            case 3..<60:
                addLine(payer: payer, reference: "BM-" + invoice.number, paid: invoice.amount, truth: [invoice])
            case 60..<70:
                let paid = invoice.amount.amount - FixedDecimal(units: 50, scale: 2)
                addLine(payer: payer, reference: "BM-" + invoice.number, paid: Money(paid, "USD"), truth: [invoice])
            default:
                addLine(payer: payer, reference: invoice.number, paid: invoice.amount, truth: [invoice])
            }
        }

        /// `share` % of `amount`, rounded to cents.
        func percent(_ amount: FixedDecimal, _ share: Int64) -> FixedDecimal {
            FixedDecimal(units: (amount.units * share + 50) / 100, scale: amount.scale)
        }

        /// Adds one line to the open payment (or to a payment of its own) and returns its index.
        @discardableResult
        mutating func addLine(
            payer: Party, reference: String, paid: Money, truth: [Invoice], discount: FixedDecimal? = nil,
            ownPayment: Bool = false, text: String? = nil
        ) -> Int? {
            guard !full else { return nil }
            if ownPayment || openPayment.map({ $0.payer != payer || $0.lines.count >= 20 }) ?? false {
                closePayment()
            }
            let index = book.lines.count
            if openPayment == nil {
                // One provenance origin per payment, as the parsers share one per transaction.
                let origin = Provenance(location: .wholeFile("bench.820"), transactionID: "ST@\(paymentCount)")
                openPayment = (payer, [], origin)
            }
            var provenance = openPayment!.provenance
            provenance.location = SourceLocation(file: "bench.820", line: index + 1, column: 1, byteOffset: 0)
            let line = RemittanceLine(
                id: "bench:line:\(index)", paymentID: "bench:pay:\(paymentCount)", referenceQualifier: "IV",
                reference: reference, normalizedReference: ReferenceNormalizer.normalize(reference),
                purchaseOrder: nil, invoiceDate: nil, amountPaid: paid, invoiceAmount: nil,
                discountTaken: discount.map { Money($0, "USD") }, payer: payer, provenance: provenance)
            book.lines.append(line)
            // An invoice's row in bench.csv is its index + 2.
            book.truths += truth.map { Int32($0.location.line - 2) }
            book.truthStarts.append(Int32(book.truths.count))
            openPayment?.lines.append(index)
            if ownPayment { closePayment(text: text) }
            return index
        }

        mutating func addStatedDeduction(_ amount: FixedDecimal, to index: Int) {
            let line = book.lines[index]
            book.deductions.append(
                Deduction(
                    id: line.id + ":adx", paymentID: line.paymentID, lineID: line.id, amount: Money(amount, "USD"),
                    reasonCode: "CS", reasonCodeList: "X12-426", category: .pricing, categorySource: "bench",
                    reasonText: nil, invoiceReference: line.reference, memoNumber: nil, memoQualifier: nil,
                    payer: line.payer, paymentTrace: nil, origin: .stated, provenance: line.provenance))
        }

        /// Writes the open payment; every 400th is then read again from a second file.
        mutating func closePayment(text: String? = nil) {
            guard let open = openPayment else { return }
            openPayment = nil
            let first = book.lines[open.lines[0]]
            var total = FixedDecimal.zero
            for index in open.lines { total = total + book.lines[index].amountPaid.amount }
            let trace = "B\(paymentCount)"
            book.payments.append(
                payment(
                    id: first.paymentID, payer: open.payer, total: total, trace: trace, file: "bench.820", text: text))
            paymentCount += 1
            guard paymentCount % 400 == 0, book.lines.count + open.lines.count <= requested else { return }
            let copyID = "bench:pay:\(paymentCount)"
            for index in open.lines {
                var line = book.lines[index]
                line.id = "bench:line:\(book.lines.count)"
                line.paymentID = copyID
                line.provenance.location.file = "bench-resent.820"
                book.lines.append(line)
                book.truthStarts.append(Int32(book.truths.count))
            }
            book.payments.append(
                payment(id: copyID, payer: open.payer, total: total, trace: trace, file: "bench-resent.820", text: text)
            )
            paymentCount += 1
        }

        func payment(id: String, payer: Party, total: FixedDecimal, trace: String, file: String, text: String?)
            -> Payment
        {
            Payment(
                id: id, payer: payer, payee: Party(name: "Remit Bench Supply Co", idQualifier: "92", id: "US1"),
                method: "ACH", format: "CTX", handlingCode: "C", amount: Money(total, "USD"), direction: .credit,
                date: paymentDate, traceNumber: trace, originatorID: nil,
                provenance: Provenance(location: SourceLocation(file: file, line: 1, column: 1, byteOffset: 0)),
                remittanceText: text)
        }
    }
}
