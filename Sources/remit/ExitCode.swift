/// The process exit codes, documented in the README and in `remit --help`.
enum ExitCode: Int32 {
    /// Everything read was used; warnings may have been printed.
    case success = 0
    /// The run finished and wrote its outputs, but some input (a file, transaction or row) was rejected.
    case inputRejected = 1
    /// The run could not finish: an output could not be written, or mapping data is broken.
    case failure = 2
    /// The command line was wrong.
    case usage = 64
}
