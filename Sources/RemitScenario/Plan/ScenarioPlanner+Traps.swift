/// Inputs that look matchable and must not be applied, or must be applied to one invoice and not its look-alike.
///
/// Each kind is planned `count` times, whatever the noise level, as one-line payments with clean payer
/// names (a repeated payment copies a whole payment):
///
/// - `twin-garbled`: two open invoices of one customer one digit apart, with the same amount; the line
///   quotes a number one digit from both (and nobody's). Nothing tells which is paid: must not be applied.
/// - `twin-exact`: two open invoices one digit apart; the line quotes one of them exactly, with its
///   amount. Must be applied to that one.
/// - `equal-amounts`: two open invoices of one customer with the same amount; the line quotes no invoice
///   and pays that amount. Must not be applied.
/// - `other-customer`: the line quotes, exactly and with its amount, an open invoice of another customer
///   (no partner ties the two). Must not be applied.
/// - `repeated-payment`: a payment sent again, with the same trace number, in a later file of its format.
///   The copy's lines must not be applied.
extension ScenarioPlanner {
    mutating func planTraps(count: Int) {
        for _ in 0..<count {
            if let (first, second, between) = twins(sameAmount: true) {
                let invoice = book.invoices[first]
                addTrap(
                    "twin-garbled", customer: invoice.customer, reference: between, paid: invoice.amount,
                    truth: [], pays: [invoice.number, book.invoices[second].number])
            }
            if let (first, _, _) = twins(sameAmount: false) {
                let invoice = book.invoices[first]
                addTrap(
                    "twin-exact", customer: invoice.customer, reference: invoice.number, paid: invoice.amount,
                    truth: [invoice.number], pays: [invoice.number])
            }
            if let first = openInvoice() {
                let invoice = book.invoices[first]
                let second = book.addInvoice(
                    number: book.nextNumber(random: &random), customer: invoice.customer,
                    purchaseOrder: ScenarioBook.purchaseOrder(style: random.below(3), random: &random),
                    date: invoice.date.adding(days: random.within(1...9)), amount: invoice.amount,
                    terms: invoice.terms)
                reserved.formUnion([first, second])
                addTrap(
                    "equal-amounts", customer: invoice.customer,
                    reference: random.chance(perMille: 500) ? "" : "STMT-NOV", paid: invoice.amount, truth: [],
                    pays: [invoice.number, book.invoices[second].number])
            }
            if let other = openInvoice(), book.customers.count > 1 {
                let invoice = book.invoices[other]
                var payer = random.below(book.customers.count - 1)
                if payer >= invoice.customer { payer += 1 }
                reserved.insert(other)
                addTrap(
                    "other-customer", customer: payer, reference: invoice.number, paid: invoice.amount, truth: [],
                    pays: [invoice.number])
            }
        }
    }

    /// Copies `count` ordinary payments; the copies go into a file after every first copy (see the writer).
    mutating func planRepeatedPayments(count: Int) {
        let ordinary = payments.indices.filter { payments[$0].lines.allSatisfy { $0.trap == nil } }
        guard !ordinary.isEmpty else { return }
        for original in random.shuffled(ordinary).prefix(count) {
            var copy = payments[original]
            copy.copyOf = original
            for index in copy.lines.indices {
                copy.lines[index].truth = []
                copy.lines[index].trap = "repeated-payment"
            }
            payments.append(copy)
        }
    }

    private mutating func addTrap(
        _ trap: String, customer: Int, reference: String, paid: Cents, truth: [String], pays: [String]
    ) {
        let line = PlannedLine(
            qualifier: "IV", reference: reference, purchaseOrder: nil, paid: paid, invoiceTotal: nil, discount: nil,
            adjustments: [], truth: truth, pays: pays, noise: [], trap: trap)
        addPayment(customer: customer, lines: [line], payerNoise: false)
    }

    /// An open, unreserved invoice (not a credit memo) of a random customer.
    private mutating func openInvoice() -> Int? {
        for _ in 0..<50 {
            let index = random.below(book.invoices.count)
            if !book.invoices[index].isCreditMemo && !reserved.contains(index) { return index }
        }
        return nil
    }

    /// An open invoice and a new one of the same customer whose number differs from it in one digit, both
    /// reserved, and a third number one digit from both that no export row has.
    private mutating func twins(sameAmount: Bool) -> (Int, Int, String)? {
        guard let first = openInvoice() else { return nil }
        let invoice = book.invoices[first]
        let digits = Array(invoice.number)
        let leading = digits.count - ScenarioBook.significant(invoice.number).count
        for _ in 0..<20 {
            let position = random.within(leading...(digits.count - 1))
            let lowest: Character = position == leading ? "1" : "0"
            let choices = "0123456789".filter { $0 >= lowest && $0 != digits[position] }
            var twin = digits
            twin[position] = random.pick(Array(choices))
            var between = digits
            let thirds = choices.filter { $0 != twin[position] }
            guard !thirds.isEmpty else { continue }
            between[position] = random.pick(Array(thirds))
            let twinNumber = String(twin)
            let betweenNumber = String(between)
            guard !book.isIssued(twinNumber), !book.isIssued(betweenNumber) else { continue }
            // No invoice made later may take the number the line quotes.
            book.issued.insert(ScenarioBook.significant(betweenNumber))
            let second = book.addInvoice(
                number: twinNumber, customer: invoice.customer,
                purchaseOrder: ScenarioBook.purchaseOrder(style: random.below(3), random: &random),
                date: invoice.date.adding(days: random.within(1...9)),
                amount: sameAmount ? invoice.amount : ScenarioBook.invoiceAmount(random: &random),
                terms: invoice.terms)
            reserved.formUnion([first, second])
            return (first, second, betweenNumber)
        }
        return nil
    }
}
