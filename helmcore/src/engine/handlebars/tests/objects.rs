//! Go objects in the data (`.Capabilities`, `.Files`, helm3's `.Chart`): fields,
//! argument-less methods and methods with arguments.

use std::any::Any;
use std::borrow::Cow;
use std::sync::Arc;

use super::*;
use crate::value::{Field, Kind, Object};

#[derive(Debug)]
struct Kube;

impl Object for Kube {
    fn type_name(&self) -> Cow<'_, str> {
        "common.KubeVersion".into()
    }
    fn kind(&self) -> Kind {
        Kind::Struct
    }
    fn field(&self, name: &str) -> Field {
        match name {
            "Version" => Field::Value("v1.30.0".into()),
            "GitVersion" => Field::Method,
            _ => Field::Missing,
        }
    }
    fn call(&self, name: &str, args: &[Value]) -> Result<Value, String> {
        match (name, args) {
            ("GitVersion", []) => Ok("v1.30.0".into()),
            _ => Err(format!(
                "wrong number of args for {name}: want 0 got {}",
                args.len()
            )),
        }
    }
    fn format(&self, out: &mut String) {
        out.push_str("{v1.30.0 1 30}");
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

/// A named slice type with a `Has` method (`VersionSet`).
#[derive(Debug)]
struct Versions;

impl Object for Versions {
    fn type_name(&self) -> Cow<'_, str> {
        "common.VersionSet".into()
    }
    fn kind(&self) -> Kind {
        Kind::Slice
    }
    fn field(&self, name: &str) -> Field {
        match name {
            "Has" => Field::Method,
            _ => Field::Missing,
        }
    }
    fn call(&self, _: &str, args: &[Value]) -> Result<Value, String> {
        match args {
            [Value::String(s)] => Ok(Value::Bool(&**s == "v1" || &**s == "apps/v1")),
            _ => Err("wrong number of args for Has: want 1 got 0".into()),
        }
    }
    fn format(&self, out: &mut String) {
        out.push_str("[v1 apps/v1]");
    }
    fn to_data(&self) -> Option<Value> {
        Some(Value::list(vec!["v1".into(), "apps/v1".into()]))
    }
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn caps_data() -> Value {
    let d = data("{}");
    let caps = Map::new();
    caps.insert("KubeVersion", Value::Object(Arc::new(Kube)));
    caps.insert("APIVersions", Value::Object(Arc::new(Versions)));
    if let Value::Map(m) = &d {
        m.insert("Capabilities", Value::Map(caps));
    }
    d
}

fn render(t: &str) -> Result<String, String> {
    let set = HandlebarsSet::compile(funcs(), &[(FILE, t)]).map_err(|e| e.to_string())?;
    let opts = ExecOptions::helm();
    let r = set.session(&opts).execute(FILE, &caps_data());
    r.map_err(|e| e.to_string())
}

#[test]
fn fields_and_methods_of_objects() {
    assert_eq!(
        render("{{Capabilities.KubeVersion.Version}} {{Capabilities.KubeVersion.GitVersion}} {{Capabilities.KubeVersion}}").unwrap(),
        "v1.30.0 v1.30.0 {v1.30.0 1 30}"
    );
    assert_eq!(
        render("{{typeOf Capabilities.KubeVersion}} {{semverCompare \">=1.20\" Capabilities.KubeVersion.Version}}").unwrap(),
        "common.KubeVersion true"
    );
    // A method with arguments, as an expression and as a subexpression.
    assert_eq!(
        render("{{method Capabilities.APIVersions \"Has\" \"apps/v1\"}} {{#if (method Capabilities.APIVersions \"Has\" \"batch/v9\")}}yes{{else}}no{{/if}}").unwrap(),
        "true no"
    );
    // A dotted helper name is not Handlebars syntax.
    assert!(render("{{Capabilities.APIVersions.Has \"apps/v1\"}}")
        .unwrap_err()
        .starts_with("parse error at (c/templates/x.yaml:1:"));
    // A named slice type iterates as its data.
    assert_eq!(
        render("{{#each Capabilities.APIVersions}}{{this}};{{/each}}").unwrap(),
        "v1;apps/v1;"
    );
    assert_eq!(
        render("{{method Capabilities.KubeVersion \"GitVersion\" \"x\"}}").unwrap_err(),
        "template: c/templates/x.yaml:1:1: error calling GitVersion: wrong number of args for GitVersion: want 0 got 1"
    );
    assert_eq!(
        render("{{method Capabilities.KubeVersion \"Nope\" \"x\"}}").unwrap_err(),
        "template: c/templates/x.yaml:1:1: can't evaluate field Nope in type common.KubeVersion"
    );
    assert_eq!(
        render("{{method Values.Nope \"Get\" \"x\"}}").unwrap_err(),
        "template: c/templates/x.yaml:1:1: can't call method Get on \"Values.Nope\": it has no value"
    );
}

#[test]
fn objects_made_by_functions() {
    // Certificates keep their Go type through a block parameter.
    let out = render(
        "{{#with (genCA \"ca\" 365) as |ca|}}{{#with (genSignedCert \"x\" null null 365 ca) as |c|}}{{typeOf c}} {{hasPrefix \"-----BEGIN CERTIFICATE\" c.Cert}}{{/with}}{{/with}}",
    )
    .unwrap();
    assert_eq!(out, "sprig.certificate true");
}
