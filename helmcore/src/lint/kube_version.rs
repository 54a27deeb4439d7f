//! `--kube-version`: Kubernetes versions as Helm parses them (apimachinery's
//! `ParseGeneric`, then Helm's `KubeVersion` with its major and minor strings).

/// A Kubernetes version: what `.Capabilities.KubeVersion` holds and what the deprecation
/// check compares against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KubeVersion {
    /// The version as given, with a `v` prefix (`v1.33.4-gke.1245000`).
    pub version: String,
    /// The numeric components only (`v1.33.4`), used for constraint checks.
    pub normalized: String,
    pub major: u64,
    pub minor: u64,
}

/// Why a `--kube-version` value is not a version, worded as apimachinery words it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KubeVersionError {
    #[error("could not parse {} as version", crate::gofmt::quote(.0))]
    Unparsable(String),
    #[error("illegal version string {}", crate::gofmt::quote(.0))]
    Illegal(String),
    #[error("illegal zero-prefixed version component {} in {}", crate::gofmt::quote(.component), crate::gofmt::quote(.input))]
    ZeroPrefixed { component: String, input: String },
    #[error("illegal non-numeric version component {} in {}: strconv.ParseUint: parsing {}: value out of range", crate::gofmt::quote(.component), crate::gofmt::quote(.input), crate::gofmt::quote(.component))]
    OutOfRange { component: String, input: String },
}

impl KubeVersion {
    /// The version helm v4.1.4 assumes when none is given: its client-go minor plus one,
    /// i.e. Kubernetes 1.35.
    pub fn helm_default() -> KubeVersion {
        KubeVersion {
            version: "v1.35.0".into(),
            normalized: "v1.35.0".into(),
            major: 1,
            minor: 35,
        }
    }

    /// Parses a version as `helm --kube-version` does: optional spaces and `v`, at least
    /// two dot-separated numbers (the first without a leading zero), then anything.
    ///
    /// ```
    /// use helmcore::lint::KubeVersion;
    /// let v = KubeVersion::parse("1.33.4-gke.1245000").unwrap();
    /// assert_eq!((v.version.as_str(), v.normalized.as_str(), v.major, v.minor), ("v1.33.4-gke.1245000", "v1.33.4", 1, 33));
    /// assert_eq!(KubeVersion::parse("1.x").unwrap_err().to_string(), "illegal version string \"1.x\"");
    /// ```
    pub fn parse(input: &str) -> Result<KubeVersion, KubeVersionError> {
        let is_space = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c');
        let s = input.trim_start_matches(is_space);
        let s = s.strip_prefix('v').unwrap_or(s);
        // The longest run of digits and dots that starts with a digit and does not end
        // with a dot followed by no digit.
        let bytes = s.as_bytes();
        let mut end = 0;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        if end == 0 {
            return Err(KubeVersionError::Unparsable(input.to_string()));
        }
        loop {
            let mut j = end;
            if bytes.get(j) != Some(&b'.') {
                break;
            }
            j += 1;
            let start = j;
            while j < bytes.len() && bytes[j].is_ascii_digit() {
                j += 1;
            }
            if j == start {
                break;
            }
            end = j;
        }
        let components: Vec<&str> = s[..end].split('.').collect();
        if components.len() < 2 {
            return Err(KubeVersionError::Illegal(input.to_string()));
        }
        let mut numbers = Vec::with_capacity(components.len());
        for (i, comp) in components.iter().enumerate() {
            if i == 0 && comp.starts_with('0') && *comp != "0" {
                return Err(KubeVersionError::ZeroPrefixed {
                    component: comp.to_string(),
                    input: input.to_string(),
                });
            }
            let n: u64 = comp.parse().map_err(|_| KubeVersionError::OutOfRange {
                component: comp.to_string(),
                input: input.to_string(),
            })?;
            numbers.push(n);
        }
        let version = if input.starts_with('v') {
            input.to_string()
        } else {
            format!("v{input}")
        };
        let normalized = format!(
            "v{}",
            numbers
                .iter()
                .map(u64::to_string)
                .collect::<Vec<_>>()
                .join(".")
        );
        Ok(KubeVersion {
            version,
            normalized,
            major: numbers[0],
            minor: numbers[1],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Accepted and refused exactly as `helm lint --kube-version X` (helm v4.1.4).
    #[test]
    fn helm_accepts_these() {
        for (s, major, minor) in [
            ("v1.20", 1, 20),
            ("1.02", 1, 2),
            ("1.2.3.4", 1, 2),
            (" 1.20", 1, 20),
            ("1.20-rc.1", 1, 20),
            ("1.20+abc", 1, 20),
            ("1.2 ", 1, 2),
            ("1.2x", 1, 2),
        ] {
            let v = KubeVersion::parse(s).unwrap();
            assert_eq!((v.major, v.minor), (major, minor), "{s}");
        }
        assert_eq!(
            KubeVersion::parse("1.2.3.4").unwrap().normalized,
            "v1.2.3.4"
        );
    }

    #[test]
    fn helm_refuses_these_with_its_words() {
        let e = |s: &str| KubeVersion::parse(s).unwrap_err().to_string();
        assert_eq!(e("1.x"), "illegal version string \"1.x\"");
        assert_eq!(e("abc"), "could not parse \"abc\" as version");
        assert_eq!(e("1"), "illegal version string \"1\"");
        assert_eq!(
            e("01.2"),
            "illegal zero-prefixed version component \"01\" in \"01.2\""
        );
        assert_eq!(e("1.99999999999999999999"), "illegal non-numeric version component \"99999999999999999999\" in \"1.99999999999999999999\": strconv.ParseUint: parsing \"99999999999999999999\": value out of range");
        assert_eq!(e(""), "could not parse \"\" as version");
    }
}
