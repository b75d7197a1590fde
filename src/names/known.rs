//! Per-run answers computed on first use and shared by the checks reading one analysis.

use std::sync::atomic::{AtomicU8, Ordering};

/// One yes-or-no answer per run, each unknown until set.
#[derive(Debug, Default)]
pub(super) struct Known(Vec<AtomicU8>);

const UNKNOWN: u8 = 0;
const NO: u8 = 1;
const YES: u8 = 2;

impl Known {
    pub(super) fn new(len: usize) -> Known {
        Known((0..len).map(|_| AtomicU8::new(UNKNOWN)).collect())
    }

    pub(super) fn get(&self, i: usize) -> Option<bool> {
        match self.0[i].load(Ordering::Relaxed) {
            UNKNOWN => None,
            v => Some(v == YES),
        }
    }

    /// Every caller computes the same answer, so a race only repeats work.
    pub(super) fn set(&self, i: usize, value: bool) {
        self.0[i].store(if value { YES } else { NO }, Ordering::Relaxed);
    }
}

impl Clone for Known {
    fn clone(&self) -> Known {
        Known(
            self.0
                .iter()
                .map(|v| AtomicU8::new(v.load(Ordering::Relaxed)))
                .collect(),
        )
    }
}
