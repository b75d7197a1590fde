//! `copydesk check --format sarif` against the official SARIF 2.1.0 schema.

use assert_cmd::Command;
use serde_json::Value;
use std::collections::HashSet;

fn sarif_of_samples() -> Value {
    let out = Command::cargo_bin("copydesk")
        .unwrap()
        .args(["check", "--no-config", "--format", "sarif", "samples/"])
        .output()
        .unwrap();
    assert!(out.status.code().unwrap() <= 1, "{out:?}");
    serde_json::from_slice(&out.stdout).expect("SARIF output is JSON")
}

#[test]
fn samples_validate_against_the_sarif_schema() {
    let schema: Value =
        serde_json::from_str(include_str!("schemas/sarif-schema-2.1.0.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    let log = sarif_of_samples();
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF schema violations:\n{}",
        errors.join("\n")
    );
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"][0]["columnKind"], "utf16CodeUnits");
    // the validator does reject a broken log
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = "fatal".into();
    assert!(!validator.is_valid(&broken));
}

#[test]
fn every_active_rule_is_in_the_driver_once_and_results_point_at_them() {
    let log = sarif_of_samples();
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    let unique: HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "a rule is listed twice: {ids:?}");

    // the driver lists the same rules `copydesk rules` shows as active
    let listing = Command::cargo_bin("copydesk")
        .unwrap()
        .args(["rules", "--no-config"])
        .output()
        .unwrap();
    let listing = String::from_utf8(listing.stdout).unwrap();
    for line in listing.lines() {
        let mut cols = line.split_whitespace();
        let (id, sev) = (cols.next().unwrap(), cols.next().unwrap());
        assert_eq!(ids.contains(&id), sev != "off", "{id} ({sev})");
    }

    for r in rules {
        for key in ["name", "shortDescription", "fullDescription", "help"] {
            assert!(!r[key].is_null(), "{} lacks {key}", r["id"]);
        }
        assert!(r["defaultConfiguration"]["level"].is_string());
    }
    let results = run["results"].as_array().unwrap();
    assert!(!results.is_empty(), "the seed article has findings");
    assert!(results.iter().any(
        |r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            == "samples/seed-article.txt"
    ));
    for res in results {
        let i = res["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[i]["id"], res["ruleId"]);
        let loc = &res["locations"][0]["physicalLocation"];
        let uri = loc["artifactLocation"]["uri"].as_str().unwrap();
        assert!(uri.starts_with("samples/"), "{uri}");
        assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(res["partialFingerprints"]["copydesk/v1"].is_string());
    }
}
