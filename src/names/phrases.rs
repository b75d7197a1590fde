//! Finding a handful of phrases in a text, ASCII case ignored: leftmost-longest and
//! non-overlapping, as a leftmost-longest Aho-Corasick search reports them, without building
//! an automaton for every article.

/// Phrases bucketed by their first byte (ASCII case folded), longest first in each bucket.
pub struct PhraseFinder<'p> {
    phrases: &'p [String],
    /// Phrase indices, ordered by folded first byte, then by length, longest first.
    order: Vec<usize>,
    /// `order[bucket[b]..bucket[b + 1]]` are the phrases starting with folded byte `b`.
    bucket: [u32; 257],
    /// Folded byte pairs some phrase starts with, as bits (a one-byte phrase sets every pair
    /// of its byte): most positions of a text are ruled out with one look-up.
    pairs: Vec<u64>,
}

fn pair_bit(b0: u8, b1: u8) -> usize {
    usize::from(b0.to_ascii_lowercase()) << 8 | usize::from(b1.to_ascii_lowercase())
}

/// One match: the byte range in the haystack and the phrase's index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub phrase: usize,
}

impl<'p> PhraseFinder<'p> {
    /// Empty phrases are ignored.
    pub fn new(phrases: &'p [String]) -> PhraseFinder<'p> {
        let first = |i: usize| phrases[i].as_bytes()[0].to_ascii_lowercase() as usize;
        let mut order: Vec<usize> = (0..phrases.len())
            .filter(|&i| !phrases[i].is_empty())
            .collect();
        order.sort_by(|&x, &y| {
            first(x)
                .cmp(&first(y))
                .then(phrases[y].len().cmp(&phrases[x].len()))
        });
        let mut bucket = [0u32; 257];
        for &i in &order {
            bucket[first(i) + 1] += 1;
        }
        for b in 0..256 {
            bucket[b + 1] += bucket[b];
        }
        let mut pairs = vec![0u64; 65536 / 64];
        for &i in &order {
            let p = phrases[i].as_bytes();
            let seconds = match p.get(1) {
                Some(&b1) => b1..=b1,
                None => 0..=255,
            };
            for b1 in seconds {
                let bit = pair_bit(p[0], b1);
                pairs[bit / 64] |= 1 << (bit % 64);
            }
        }
        PhraseFinder {
            phrases,
            order,
            bucket,
            pairs,
        }
    }

    /// Whether some phrase may start at `hay[at..]`, judged by its first two bytes.
    fn may_start(&self, hay: &[u8], at: usize) -> bool {
        let Some(&b1) = hay.get(at + 1) else {
            return true;
        };
        let bit = pair_bit(hay[at], b1);
        self.pairs[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// The longest phrase starting at `hay[at..]`.
    fn longest_at(&self, hay: &[u8], at: usize) -> Option<usize> {
        let b = hay[at].to_ascii_lowercase() as usize;
        let (lo, hi) = (self.bucket[b] as usize, self.bucket[b + 1] as usize);
        self.order[lo..hi].iter().copied().find(|&i| {
            let p = self.phrases[i].as_bytes();
            hay.len() - at >= p.len() && hay[at..at + p.len()].eq_ignore_ascii_case(p)
        })
    }

    /// Every match in `hay`, left to right; the search resumes after each match.
    pub fn find_iter<'h>(&'h self, hay: &'h str) -> impl Iterator<Item = Match> + 'h {
        let hay = hay.as_bytes();
        let mut at = 0;
        std::iter::from_fn(move || {
            while at < hay.len() {
                if !self.may_start(hay, at) {
                    at += 1;
                    continue;
                }
                if let Some(i) = self.longest_at(hay, at) {
                    let m = Match {
                        start: at,
                        end: at + self.phrases[i].len(),
                        phrase: i,
                    };
                    at = m.end;
                    return Some(m);
                }
                at += 1;
            }
            None
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::{AhoCorasickBuilder, MatchKind};

    fn reference(phrases: &[String], hay: &str) -> Vec<Match> {
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(phrases)
            .unwrap();
        ac.find_iter(hay)
            .map(|m| Match {
                start: m.start(),
                end: m.end(),
                phrase: m.pattern().as_usize(),
            })
            .collect()
    }

    #[test]
    fn agrees_with_leftmost_longest_automaton() {
        let phrases: Vec<String> = [
            "Korean Peninsula",
            "Korean",
            "Peninsula Times",
            "Ann",
            "Anna Berg",
            "Élise Durand",
            "ÉLISE",
            "Jong-un",
            "Kim Jong",
            "Jong Un",
        ]
        .map(str::to_owned)
        .to_vec();
        for hay in [
            "the korean peninsula times, then KOREAN PENINSULA Times and Annual Ann.",
            "Anna Berg met Anna berg and anna; élise Durand and Élise DURAND, ÉLISE.",
            "Kim Jong Un, Kim Jong-un, xKim Jong Un, Jong un",
            "",
            "An",
        ] {
            assert_eq!(
                PhraseFinder::new(&phrases)
                    .find_iter(hay)
                    .collect::<Vec<_>>(),
                reference(&phrases, hay),
                "{hay}"
            );
        }
    }

    #[test]
    fn agrees_on_random_texts() {
        // a small alphabet, so phrases overlap and nest often
        let alphabet = ['a', 'B', 'b', 'A', ' ', 'é', 'É', '-'];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as usize % n
        };
        let word = |len: usize, next: &mut dyn FnMut(usize) -> usize| -> String {
            (0..len).map(|_| alphabet[next(alphabet.len())]).collect()
        };
        for _ in 0..300 {
            let mut phrases: Vec<String> = Vec::new();
            for _ in 0..1 + next(6) {
                let len = 1 + next(5);
                phrases.push(word(len, &mut next));
            }
            let hay = word(60, &mut next);
            // distinct ignoring ASCII case, as the name checks give them
            let mut seen = std::collections::HashSet::new();
            phrases.retain(|p| seen.insert(p.to_ascii_lowercase()));
            assert_eq!(
                PhraseFinder::new(&phrases)
                    .find_iter(&hay)
                    .collect::<Vec<_>>(),
                reference(&phrases, &hay),
                "{phrases:?} in {hay}"
            );
        }
    }
}
