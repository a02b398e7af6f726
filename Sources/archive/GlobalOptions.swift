// `archive --db x.sqlite search tulle`: the archive's path given before the command, as git and docker
// take their global options. swift-argument-parser reads options of the command they follow, so the
// arguments are reordered before parsing: a leading --db moves to just after the subcommand's name.

enum GlobalOptions {
    static func movedAfterSubcommand(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--db", index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else if argument.hasPrefix("--db=") {
                leading.append(argument)
                index += 1
            } else {
                break
            }
        }
        // Nothing moved, or nothing to move it after (`archive --db x`, `archive --db x --help`): as typed.
        guard !leading.isEmpty, index < arguments.count, !arguments[index].hasPrefix("-") else { return arguments }
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}
