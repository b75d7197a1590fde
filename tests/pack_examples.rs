//! Every built-in rule's examples: what it must flag, must not flag, and how it fixes.

use copydesk::examples::run_all;
use copydesk::pack::RuleSet;
use std::sync::Arc;

#[test]
fn builtin_pack_examples_pass() {
    let set = Arc::new(RuleSet::builtin());
    let report = run_all(&set, |_| true);
    assert!(report.examples > 0, "no examples ran");
    let missing: Vec<&str> = set
        .rules
        .iter()
        .filter(|r| {
            r.info.examples.iter().all(|e| e.flag.is_empty())
                || r.info.examples.iter().all(|e| !e.flag.is_empty())
        })
        .map(|r| r.info.id.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "rules without both must-flag and must-not-flag examples: {missing:?}"
    );
    let msgs: Vec<String> = report
        .failures
        .iter()
        .map(|f| {
            format!(
                "{} example {}: {}\n    text: {:?}",
                f.rule, f.example, f.problem, f.text
            )
        })
        .collect();
    assert!(
        msgs.is_empty(),
        "{} example failures:\n{}",
        msgs.len(),
        msgs.join("\n")
    );
}
