//! `helm show` output for the fixture charts against helm4's (tests/golden/show, made
//! with `helm show FORMAT charts/CHART`).

use std::path::Path;

use helmcore::chart::{load_v2, show, ShowFormat};

#[test]
fn show_matches_helm4() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let formats = [
        ("chart", ShowFormat::Chart),
        ("values", ShowFormat::Values),
        ("readme", ShowFormat::Readme),
        ("crds", ShowFormat::Crds),
        ("all", ShowFormat::All),
    ];
    for chart in ["parent", "schema", "v1chart"] {
        let loaded = load_v2(dir.join("charts").join(chart)).unwrap();
        for (name, format) in formats {
            let want = std::fs::read_to_string(
                dir.join("golden/show").join(format!("{chart}.{name}.txt")),
            )
            .unwrap();
            assert_eq!(show(&loaded, format).unwrap(), want, "{chart} {name}");
        }
    }
}
