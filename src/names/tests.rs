use super::*;
use crate::document::Format;
use crate::lexicon::Lexicon;

fn analyse(src: &str) -> (Analysis, String) {
    let lex = Lexicon::builtin();
    let lang = Language::new(&lex);
    let data = NameData::new(&lex);
    let doc = Document::parse(src, Format::Plain, &lang);
    (
        Analysis::new(&doc, &data, &lang, &FactBase::default()),
        doc.text.to_string(),
    )
}

fn person<'a>(a: &'a Analysis, text: &str, surname: &str) -> &'a Person {
    a.people
        .iter()
        .find(|p| p.surname == surname)
        .unwrap_or_else(|| {
            let names: Vec<String> = a
                .people
                .iter()
                .map(|p| {
                    format!(
                        "{} ({:?})",
                        p.surname,
                        p.forms
                            .iter()
                            .map(|&f| a.runs[f].name_text(text))
                            .collect::<Vec<_>>()
                    )
                })
                .collect();
            panic!("no person {surname}: {names:?}")
        })
}

#[test]
fn family_name_first_and_western_order() {
    let src = "The minister, Wang Lihua, met Korean President Park Min-soo and Helen Carter of the Lakeside Trust on Tuesday.\n\n\
               Wang said talks went well. Mrs Carter agreed, and Park left early.\n";
    let (a, text) = analyse(src);
    let wang = person(&a, &text, "Wang");
    assert!(wang.family_first);
    assert_eq!(wang.refs.len(), 1);
    let park = person(&a, &text, "Park");
    assert_eq!(
        a.runs[park.forms[0]].title.as_ref().unwrap().text,
        "Korean President"
    );
    let carter = person(&a, &text, "Carter");
    assert!(!carter.family_first);
    assert_eq!(
        a.runs[carter.refs[0]].honorific.as_ref().unwrap().text,
        "Mrs"
    );
    assert!(a.unresolved.is_empty(), "{:?}", a.unresolved);
}

#[test]
fn organisations_and_places_are_not_people() {
    let src = "Officials at Kookmin University and the Foreign Ministry in South Korea spoke of the Cold War.\n";
    let (a, _) = analyse(src);
    assert!(a.people.is_empty(), "{:?}", a.people);
}

#[test]
fn surname_seen_before_honorific_joins_it() {
    let src = "Delgado was not there.\n\nLater Mr Delgado said he had been ill.\n";
    let (a, text) = analyse(src);
    let p = person(&a, &text, "Delgado");
    assert_eq!(p.refs.len(), 2);
    assert!(a.unresolved.is_empty());
}

#[test]
fn royal_titles_take_given_names() {
    let src = "The ceremony was planned for months.\n\nPrince Edward will also join the delegation, officials said.\n";
    let (a, text) = analyse(src);
    let r = a
        .runs
        .iter()
        .find(|r| r.name_text(&text) == "Edward")
        .expect("Edward");
    assert_eq!(r.title.as_ref().map(|t| t.text.as_str()), Some("Prince"));
}
