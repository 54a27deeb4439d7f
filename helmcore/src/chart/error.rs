//! Errors of chart loading, validation and dependency processing, worded as Helm's.

use super::ignore::IgnoreError;

/// What can go wrong with a chart. Each message is Helm 4's text.
#[derive(Debug, Clone, thiserror::Error)]
pub enum ChartError {
    /// A Chart.yaml field fails validation.
    #[error("validation: {0}")]
    Validation(String),
    /// A document does not fit the Go struct Helm decodes it into.
    #[error("error unmarshaling JSON: while decoding JSON: {0}")]
    Decode(String),
    /// A YAML syntax error (the text from the YAML decoder, with its line).
    #[error(transparent)]
    Yaml(#[from] crate::yaml::YamlError),
    /// A values file that cannot be read: a bad document separator, a document that is
    /// not a map, invalid YAML.
    #[error(transparent)]
    Values(#[from] crate::yaml::ValuesError),
    /// A chart file could not be read: `cannot load Chart.yaml: ...`.
    #[error("cannot load {file}: {source}")]
    Load {
        file: String,
        source: Box<ChartError>,
    },
    #[error("Chart.yaml file is missing")]
    MissingChartYaml,
    #[error("unsupported chart version")]
    UnsupportedApiVersion,
    /// apiVersion v3 charts are not installable with Helm 4.1.
    #[error("invalid chart apiVersion")]
    InvalidApiVersion,
    #[error("unable to detect chart at {path}: {message}")]
    NoChartAt { path: String, message: String },
    #[error("unable to detect chart version, no Chart.yaml found")]
    NoChartYamlInArchive,
    #[error("path {0:?} not found")]
    PathNotFound(String),
    #[error("cannot load a directory")]
    IsDirectory,
    #[error("error unpacking subchart {name} in {parent}: {source}")]
    Subchart {
        name: String,
        parent: String,
        source: Box<ChartError>,
    },
    #[error("error unpacking subchart tar in {parent}: expected {expected}, got {got}")]
    SubchartTar {
        parent: String,
        expected: String,
        got: String,
    },

    // Directory loading.
    #[error(transparent)]
    Ignore(#[from] IgnoreError),
    #[error("cannot load irregular file {0} as it has file mode type bits set")]
    IrregularFile(String),
    #[error("chart file {name:?} is larger than the maximum file size {max}")]
    DirFileTooLarge { name: String, max: u64 },
    #[error("error reading {path}: {message}")]
    Read { path: String, message: String },
    /// A symbolic link loop or a tree nested deeper than any real chart.
    #[error("too many levels of symbolic links or directories at {0}")]
    TooDeep(String),

    // Archives (hostile input).
    #[error("file '{name}' does not appear to be a gzipped archive; got '{content_type}'")]
    NotGzip { name: String, content_type: String },
    #[error("file '{0}' seems to be a YAML file, but expected a gzipped archive")]
    YamlNotArchive(String),
    #[error("file '{name}' does not appear to be a valid chart file (details: {details})")]
    InvalidChartFile { name: String, details: String },
    #[error("stream does not appear to be a valid chart file (details: {0})")]
    InvalidChartStream(String),
    /// Helm hides the cause when loading an archive file fails; it stays as the source.
    #[error("unable to load chart archive")]
    UnableToLoadArchive(#[source] Box<ChartError>),
    /// [`load_archive`](super::load_archive) of bytes that fail to unpack.
    #[error("unable to load chart archive: {0}")]
    ArchiveStream(Box<ChartError>),
    #[error("gzip: invalid header")]
    GzipHeader,
    #[error("{0}")]
    Archive(String),
    #[error("chart illegally contains absolute paths")]
    AbsolutePath,
    #[error("chart illegally contains content outside the base directory: {0:?}")]
    OutsideBase(String),
    #[error("chart illegally references parent directory")]
    ParentDirectory,
    #[error("chart contains illegally named files")]
    IllegalName,
    #[error("chart yaml not in base directory")]
    ChartYamlNotInBase,
    #[error("decompressed chart is larger than the maximum size {0}")]
    ChartTooLarge(u64),
    #[error("decompressed chart file {name:?} is larger than the maximum file size {max}")]
    FileTooLarge { name: String, max: u64 },
    #[error("no files in chart archive")]
    NoFiles,
    /// Helm would unpack a link as an empty file; helmcore refuses it.
    #[error("chart illegally contains a link: {0:?}")]
    Link(String),
    /// Devices, FIFOs and other special entries.
    #[error("chart illegally contains a special file: {0:?}")]
    SpecialFile(String),

    // Dependencies.
    #[error("found in Chart.yaml, but missing in charts/ directory: {}", .0.join(", "))]
    MissingDependencies(Vec<String>),
    /// How `helm template`/`install` reports [`ChartError::MissingDependencies`].
    #[error("{}", dependency_check_message("an", .0))]
    DependencyCheck(Box<ChartError>),
    /// How `helm install/template` reports an error of dependency processing.
    #[error("chart dependencies processing failed: {0}")]
    DependencyProcessing(Box<ChartError>),
    #[error("library charts are not installable")]
    LibraryNotInstallable,
    /// A value where a subchart's table belongs (Go prints the value with `%t`).
    #[error("type mismatch on {name}: {shown}")]
    TypeMismatch { name: String, shown: String },
    #[error(
        "chart requires kubeVersion: {constraint} which is incompatible with Kubernetes {version}"
    )]
    KubeVersion { constraint: String, version: String },
}

impl ChartError {
    /// `source` met loading the subchart at `name` (its entry under `charts/`).
    pub(crate) fn subchart(name: &str, parent: &str, source: ChartError) -> ChartError {
        ChartError::Subchart {
            name: name.to_string(),
            parent: parent.to_string(),
            source: Box::new(source),
        }
    }

    pub(crate) fn load(file: &str, source: ChartError) -> ChartError {
        ChartError::Load {
            file: file.to_string(),
            source: Box::new(source),
        }
    }
}

/// The text of [`ChartError::DependencyCheck`]; helm3 starts it with `An`, helm4 with
/// `an`.
pub(crate) fn dependency_check_message(article: &str, missing: &ChartError) -> String {
    format!(
        "{article} error occurred while checking for chart dependencies. You may need to run \
         `helm dependency build` to fetch missing dependencies: {missing}"
    )
}
