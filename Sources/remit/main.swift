import Foundation

let code = Remit.run(Array(CommandLine.arguments.dropFirst()))
exit(code.rawValue)
