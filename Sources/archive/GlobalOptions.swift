// `archive --db x.sqlite search tulle`: the archive's path given before the command, as git and docker
// take their global options. swift-argument-parser reads options of the command they follow, so the
// arguments are reordered before parsing: a leading --db moves to just after the subcommand's name (after both
// names for a command of two: `archive --db x.sqlite media list`).

import ArgumentParser

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
        // A command with subcommands of its own (`archive media add`): after the last of their names.
        var names = [arguments[index]]
        if let nested = nestedCommands[arguments[index]], index + 1 < arguments.count, nested.contains(arguments[index + 1]) {
            names.append(arguments[index + 1])
        }
        return names + leading + arguments[(index + names.count)...]
    }

    /// The commands that have subcommands, and their names, as the commands declare them.
    static let nestedCommands: [String: Set<String>] = Dictionary(uniqueKeysWithValues:
        ArchiveCommand.configuration.subcommands.filter { !$0.configuration.subcommands.isEmpty }.map { command in
            (command._commandName, Set(command.configuration.subcommands.map { $0._commandName }))
        })
}
