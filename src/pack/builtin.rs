//! The packs built into the binary, embedded from `rules/`.

/// (file name, TOML text) of every built-in pack.
pub const BUILTIN: &[(&str, &str)] = &[
    (
        "house-style.toml",
        include_str!("../../rules/house-style.toml"),
    ),
    (
        "translation.toml",
        include_str!("../../rules/translation.toml"),
    ),
    ("quotes.toml", include_str!("../../rules/quotes.toml")),
    ("names.toml", include_str!("../../rules/names.toml")),
];
