//! A fast, non-cryptographic hasher for the analyser's word sets and maps: the keys are short
//! words from the article and the lexicon, not input an attacker picks to collide.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// The multiply-rotate hash of the Firefox and rustc hash tables.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type WordBuild = BuildHasherDefault<WordHasher>;
pub type WordSet = HashSet<String, WordBuild>;
pub type WordMap<V> = HashMap<String, V, WordBuild>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_find_their_words() {
        let set: WordSet = ["Kim", "Mr", "", "a-much-longer-word-than-eight"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for w in ["Kim", "Mr", "", "a-much-longer-word-than-eight"] {
            assert!(set.contains(w));
        }
        assert!(!set.contains("kim") && !set.contains("Mrs"));
    }
}
