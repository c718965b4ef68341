//! What cleaning knows about HTML element names and attributes: which elements break a
//! paragraph, which have no end tag, which never hold article text (and why), and which
//! `class`/`id` words mark page furniture.

use super::super::edit::Kind;

/// Elements without an end tag.
pub fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
            | "command"
    )
}

/// The separator a tag leaves in the text: a paragraph break for blocks, a line break for
/// `<br>`, nothing for inline elements.
pub fn separator(name: &str) -> &'static str {
    match name {
        "br" => "\n",
        "address" | "article" | "aside" | "blockquote" | "body" | "caption" | "center" | "dd"
        | "details" | "dialog" | "dir" | "div" | "dl" | "dt" | "fieldset" | "figcaption"
        | "figure" | "footer" | "form" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "header"
        | "hgroup" | "hr" | "html" | "li" | "main" | "menu" | "nav" | "ol" | "p" | "pre"
        | "section" | "summary" | "table" | "tbody" | "td" | "tfoot" | "th" | "thead" | "tr"
        | "ul" | "title" | "option" | "iframe" | "noscript" | "textarea" => "\n\n",
        _ => "",
    }
}

/// Elements that never hold article text, and the kind their removal is reported as.
pub fn skipped(name: &str) -> Option<Kind> {
    match name {
        "script" | "style" | "template" => Some(Kind::Code),
        "head" | "title" | "svg" | "math" | "canvas" | "iframe" | "object" | "embed" | "video"
        | "audio" | "picture" | "map" | "meta" | "link" => Some(Kind::Markup),
        "nav" | "header" | "footer" | "aside" | "menu" | "button" | "select" | "option"
        | "textarea" | "label" | "dialog" | "noscript" | "figcaption" => Some(Kind::Boilerplate),
        _ => None,
    }
}

/// Words of `class` and `id` values that name page furniture.
const FURNITURE_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "submenu",
    "footer",
    "header",
    "masthead",
    "sidebar",
    "aside",
    "related",
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "disqus",
    "cookie",
    "cookies",
    "consent",
    "newsletter",
    "signup",
    "subscribe",
    "subscription",
    "paywall",
    "promo",
    "promotion",
    "advert",
    "advertisement",
    "ad",
    "ads",
    "adslot",
    "sponsor",
    "sponsored",
    "breadcrumb",
    "breadcrumbs",
    "widget",
    "widgets",
    "popup",
    "modal",
    "banner",
    "outbrain",
    "taboola",
    "recommended",
    "recommendations",
    "trending",
    "popular",
    "tags",
    "tagcloud",
    "byline",
    "dateline",
    "timestamp",
    "author",
    "credit",
    "credits",
    "caption",
    "toolbar",
    "pagination",
    "pager",
    "hidden",
    "sr",
    "visually",
    "offscreen",
    "print",
    "skip",
    "login",
    "search",
    "teaser",
    "teasers",
    "more",
    "readmore",
    "next",
    "prev",
    "previous",
    "jump",
    "overlay",
    "sticky",
    "rail",
    "rightrail",
    "leftrail",
];

/// Does a `class` or `id` value name page furniture (`post-footer`, `share-buttons`,
/// `sidebar`)? Words are split at `-`, `_`, spaces and case changes are ignored.
pub fn names_furniture(value: &str) -> bool {
    value
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .any(|w| !w.is_empty() && FURNITURE_WORDS.iter().any(|f| w.eq_ignore_ascii_case(f)))
}

/// Inline style or attributes that hide an element.
pub fn hides(style: Option<&str>, hidden: bool, aria_hidden: Option<&str>) -> bool {
    let style_hides = style.is_some_and(|s| {
        let compact: String = s
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        compact.contains("display:none") || compact.contains("visibility:hidden")
    });
    hidden || style_hides || aria_hidden.is_some_and(|v| v.eq_ignore_ascii_case("true"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_words() {
        assert!(names_furniture("post-footer clearfix"));
        assert!(names_furniture("share_buttons"));
        assert!(!names_furniture("article-body entry-content"));
        assert!(!names_furniture("header-image-wrapper-xyz") || names_furniture("header"));
        assert!(!names_furniture("adventure"));
    }

    #[test]
    fn hiding() {
        assert!(hides(Some("display: none"), false, None));
        assert!(hides(None, false, Some("true")));
        assert!(!hides(Some("color:red"), false, None));
    }
}
