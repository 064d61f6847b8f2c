use hadath_time::{Lean, Words, parse_times};
fn main() {
    let text = std::env::args().nth(1).unwrap();
    let ar = text.chars().any(|c| ('\u{600}'..'\u{700}').contains(&c));
    let pack: Box<dyn hadath_text::LanguagePack> = if ar {
        Box::new(hadath_ar::ArabicPack)
    } else {
        Box::new(hadath_en::EnglishPack)
    };
    let words = Words::analyse(pack.as_ref(), &text);
    let view = words.view();
    let now: jiff::civil::DateTime = "2013-02-12T04:30:00".parse().unwrap();
    for lean in [Lean::Future, Lean::Past] {
        for t in hadath_time::parse_times_at(pack.lang(), &view, now, Some(-120), lean) {
            println!("{lean:?} {:?}", t);
        }
    }
    for n in hadath_time::find_numbers(pack.lang(), &view) {
        println!("num {:?}", n);
    }
}
