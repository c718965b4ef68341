use super::*;

fn fix(s: &str) -> String {
    let mut t = Tracked::new(s, false);
    repair(&mut t);
    t.finish().0
}

#[test]
fn utf8_read_as_windows_1252() {
    assert_eq!(fix("donâ€™t stop"), "don\u{2019}t stop");
    assert_eq!(fix("CafÃ© au lait"), "Caf\u{e9} au lait");
    assert_eq!(fix("â€œquotedâ€\u{9d}"), "\u{201c}quoted\u{201d}");
}

#[test]
fn double_encoding() {
    assert_eq!(fix("rÃƒÂ©sumÃƒÂ©"), "r\u{e9}sum\u{e9}");
}

#[test]
fn other_code_pages() {
    assert_eq!(
        fix("РџСЂРёРІРµС‚ РјРёСЂ"),
        "\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442} \u{43c}\u{438}\u{440}"
    );
    assert_eq!(fix("caf√© cr√®me"), "caf\u{e9} cr\u{e8}me");
}

#[test]
fn mixed_with_correct_text() {
    assert_eq!(
        fix("l\u{2019}Ã©tÃ© arrive"),
        "l\u{2019}\u{e9}t\u{e9} arrive"
    );
}

#[test]
fn surrogates_encoded_one_by_one() {
    assert_eq!(
        fix("hi \u{ed}\u{a0}\u{bd}\u{ed}\u{b8}\u{80}"),
        "hi \u{1F600}"
    );
}

#[test]
fn leaves_correct_text_alone() {
    for s in [
        "Caf\u{e9} \u{2014} na\u{ef}ve",
        "Ã la carte? no: \u{c3}\u{a5} alone in a line with \u{2013} dash",
        "PRIX: 5\u{d7}\u{a3}3",
        "MÄ£ÄM",
        "\u{201c}+\u{201d} and \u{201c}\u{d7}\u{201d}",
        "x = \u{221a}\u{3c0}",
        "Jean\u{2019}s caf\u{e9}",
    ] {
        assert_eq!(fix(s), s, "{s:?}");
    }
}
