//! A progress bar on standard error for long runs: only on a terminal, only with the formats
//! people read (pretty, concise), never beside machine output.

use copydesk::report::OutputFormat;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::IsTerminal;

/// Runs over fewer files finish before a bar would help.
pub const MIN_FILES: usize = 20;

/// Whether a run shows a bar. `machine_output`: the run prints diffs or fixed text instead
/// of a report.
pub fn wanted(format: OutputFormat, machine_output: bool, stderr_tty: bool, files: usize) -> bool {
    stderr_tty && !machine_output && !format.is_machine() && files >= MIN_FILES
}

/// A bar over `files` files, or a hidden one when [`wanted`] says no.
pub fn bar(format: OutputFormat, machine_output: bool, files: usize) -> ProgressBar {
    if !wanted(
        format,
        machine_output,
        std::io::stderr().is_terminal(),
        files,
    ) {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(files as u64), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} linting {pos}/{len} files {wide_bar} {eta}")
    {
        bar.set_style(style);
    }
    bar
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_for_people_on_a_terminal_and_long_runs() {
        assert!(wanted(OutputFormat::Pretty, false, true, 100));
        assert!(wanted(OutputFormat::Concise, false, true, MIN_FILES));
        assert!(!wanted(OutputFormat::Pretty, false, false, 100));
        assert!(!wanted(OutputFormat::Pretty, false, true, 3));
        assert!(!wanted(OutputFormat::Pretty, true, true, 100));
        for f in [
            OutputFormat::Json,
            OutputFormat::Sarif,
            OutputFormat::Github,
        ] {
            assert!(!wanted(f, false, true, 100));
        }
    }
}
