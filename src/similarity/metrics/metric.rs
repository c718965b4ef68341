//! The metric names of the public API and what each one is: edit distance or not, symmetric
//! or not, character- or word-level. Bindings parse a name once with [`Metric::from_name`]
//! and pass the value down; nothing else matches on strings.

use crate::error::{Error, Result};

/// One similarity metric. Word-level metrics carry their shingle size (`ngram`, default 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    Levenshtein,
    Indel,
    Osa,
    DamerauLevenshtein,
    Jaro,
    JaroWinkler,
    Hamming,
    SorensenDice,
    Jaccard { ngram: usize },
    Containment { ngram: usize },
    Cosine { ngram: usize },
}

impl Metric {
    /// Every metric name, in the order the documentation lists them.
    pub const NAMES: [&'static str; 11] = [
        "levenshtein",
        "indel",
        "osa",
        "damerau_levenshtein",
        "jaro",
        "jaro_winkler",
        "hamming",
        "sorensen_dice",
        "jaccard",
        "containment",
        "cosine",
    ];

    /// Parses a metric name (case-insensitive, `-` or `_`); unknown names list the valid ones.
    pub fn from_name(name: &str) -> Result<Metric> {
        let key = name.trim().to_ascii_lowercase().replace('-', "_");
        Ok(match key.as_str() {
            "levenshtein" => Metric::Levenshtein,
            "indel" => Metric::Indel,
            "osa" => Metric::Osa,
            "damerau_levenshtein" => Metric::DamerauLevenshtein,
            "jaro" => Metric::Jaro,
            "jaro_winkler" => Metric::JaroWinkler,
            "hamming" => Metric::Hamming,
            "sorensen_dice" => Metric::SorensenDice,
            "jaccard" => Metric::Jaccard { ngram: 1 },
            "containment" => Metric::Containment { ngram: 1 },
            "cosine" => Metric::Cosine { ngram: 1 },
            _ => {
                return Err(Error::UnknownMetric {
                    name: name.to_string(),
                    valid: Metric::NAMES.join(", "),
                })
            }
        })
    }

    /// The public name of this metric.
    pub fn name(self) -> &'static str {
        match self {
            Metric::Levenshtein => "levenshtein",
            Metric::Indel => "indel",
            Metric::Osa => "osa",
            Metric::DamerauLevenshtein => "damerau_levenshtein",
            Metric::Jaro => "jaro",
            Metric::JaroWinkler => "jaro_winkler",
            Metric::Hamming => "hamming",
            Metric::SorensenDice => "sorensen_dice",
            Metric::Jaccard { .. } => "jaccard",
            Metric::Containment { .. } => "containment",
            Metric::Cosine { .. } => "cosine",
        }
    }

    /// The same metric with shingles of `ngram` words. Only word-level metrics have shingles;
    /// `ngram = 1` is accepted (and ignored) for every metric so bindings can always pass it.
    pub fn with_ngram(self, ngram: usize) -> Result<Metric> {
        if ngram == 0 {
            return Err(Error::option("ngram", "must be at least 1"));
        }
        Ok(match self {
            Metric::Jaccard { .. } => Metric::Jaccard { ngram },
            Metric::Containment { .. } => Metric::Containment { ngram },
            Metric::Cosine { .. } => Metric::Cosine { ngram },
            other if ngram == 1 => other,
            other => {
                return Err(Error::option(
                    "ngram",
                    format!(
                        "applies to jaccard, containment and cosine, not {}",
                        other.name()
                    ),
                ))
            }
        })
    }

    /// True for the metrics with an integer edit distance behind the similarity.
    pub fn is_edit(self) -> bool {
        matches!(
            self,
            Metric::Levenshtein
                | Metric::Indel
                | Metric::Osa
                | Metric::DamerauLevenshtein
                | Metric::Hamming
        )
    }

    /// False only for containment, which measures how much of `a` is in `b`.
    pub fn is_symmetric(self) -> bool {
        !matches!(self, Metric::Containment { .. })
    }

    /// True for the metrics over words rather than characters.
    pub fn is_word_level(self) -> bool {
        matches!(
            self,
            Metric::Jaccard { .. } | Metric::Containment { .. } | Metric::Cosine { .. }
        )
    }

    /// The error for `distance` asked of a metric that has none.
    pub(crate) fn not_edit_error(self) -> Error {
        Error::option(
            "metric",
            format!(
                "distance is defined for the edit metrics levenshtein, indel, osa, \
                 damerau_levenshtein and hamming, not {}",
                self.name()
            ),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_round_trips() {
        for name in Metric::NAMES {
            assert_eq!(Metric::from_name(name).unwrap().name(), name);
        }
        assert_eq!(Metric::from_name("Jaro-Winkler"), Ok(Metric::JaroWinkler));
    }

    #[test]
    fn unknown_name_lists_the_valid_ones() {
        let err = Metric::from_name("levenstein").unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains("levenstein") && text.contains("damerau_levenshtein, jaro"),
            "{text}"
        );
    }

    #[test]
    fn ngram_only_for_word_metrics() {
        assert_eq!(
            Metric::Jaccard { ngram: 1 }.with_ngram(3),
            Ok(Metric::Jaccard { ngram: 3 })
        );
        assert_eq!(Metric::Levenshtein.with_ngram(1), Ok(Metric::Levenshtein));
        assert!(Metric::Levenshtein.with_ngram(2).is_err());
        assert!(Metric::Cosine { ngram: 1 }.with_ngram(0).is_err());
    }
}
