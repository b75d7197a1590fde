//! The `copydesk` binary: parse arguments, run a subcommand, exit with its code.

mod cli;

fn main() {
    let code = cli::run(std::env::args_os().collect());
    std::process::exit(code);
}
