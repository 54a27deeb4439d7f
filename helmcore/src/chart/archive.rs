//! Reading a chart archive (`.tgz`) into memory, treating it as hostile input.
//!
//! Helm's checks and messages, plus stricter ones of helmcore's own: links and special
//! files are refused (Helm would unpack them as empty files), and the decompressed
//! stream as a whole is bounded, so that entries Helm skips (directories, headers) cannot
//! make a gzip bomb either.

use std::io::{self, Read};
use std::sync::Arc;

use super::data::FileData;
use super::error::ChartError;

/// One file of a chart, buffered, with its path relative to the chart root.
///
/// The contents are shared: the chart's `raw` list, its `.Files` and its subcharts all
/// point at this one buffer.
///
/// ```
/// use helmcore::chart::BufferedFile;
/// let f = BufferedFile::new("values.yaml", b"a: 1\n".to_vec());
/// assert_eq!(&f.data[..], b"a: 1\n");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BufferedFile {
    pub name: String,
    pub data: FileData,
}

impl BufferedFile {
    pub fn new(name: impl Into<String>, data: impl Into<FileData>) -> BufferedFile {
        BufferedFile {
            name: name.into(),
            data: data.into(),
        }
    }
}

/// Reads a file of `len` bytes straight into shared memory, without the copy that
/// `Arc::from(Vec)` makes; a chart's files are most of what loading touches. A UTF-8 byte
/// order mark is dropped, as Helm drops it. `None` when the reader did not hold exactly
/// `len` bytes (a file that changed size since it was measured).
pub(crate) fn read_exactly(r: &mut impl Read, len: usize) -> io::Result<Option<Arc<[u8]>>> {
    // Zeroed through the allocator, which knows fresh pages are zero already: the read
    // below is the first to touch them.
    // SAFETY: all zero bits are a valid `[u8]`.
    let mut buf = unsafe { Arc::<[u8]>::new_zeroed_slice(len).assume_init() };
    let Some(bytes) = Arc::get_mut(&mut buf) else {
        return Ok(None);
    };
    let mut filled = 0;
    while filled < len {
        match r.read(&mut bytes[filled..]) {
            Ok(0) => return Ok(None),
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    let mut probe = [0u8; 1];
    loop {
        match r.read(&mut probe) {
            Ok(0) => break,
            Ok(_) => return Ok(None),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(Some(strip_bom(buf)))
}

/// Drops a leading UTF-8 byte order mark (Helm's loader does).
pub(crate) fn strip_bom(data: Arc<[u8]>) -> Arc<[u8]> {
    match data.strip_prefix(UTF8_BOM) {
        Some(rest) => Arc::from(rest),
        None => data,
    }
}

/// Size limits for archives and directories (Helm's `MaxDecompressedChartSize` and
/// `MaxDecompressedFileSize`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// All files of a chart together, decompressed (Helm: 100 MiB).
    pub max_chart_size: u64,
    /// One file, decompressed (Helm: 5 MiB).
    pub max_file_size: u64,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_chart_size: 100 * 1024 * 1024,
            max_file_size: 5 * 1024 * 1024,
        }
    }
}

/// Tar headers and padding allowed on top of the file data before the stream counts as
/// a bomb.
const STREAM_SLACK: u64 = 16 * 1024 * 1024;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Helm's `EnsureArchive`: a friendlier error when the file is not gzip at all (people
/// pass a values file where the chart goes).
pub fn ensure_archive(name: &str, head: &[u8]) -> Result<(), ChartError> {
    if head.starts_with(b"\x1F\x8B\x08") {
        return Ok(());
    }
    if name.ends_with(".yml") || name.ends_with(".yaml") {
        return Err(ChartError::YamlNotArchive(name.to_string()));
    }
    Err(ChartError::NotGzip {
        name: name.to_string(),
        content_type: sniff_content_type(head).to_string(),
    })
}

/// A reduced `http.DetectContentType` of the first 512 bytes as Helm reads them: its
/// buffer is zero-padded, so anything shorter than 512 bytes looks binary.
fn sniff_content_type(head: &[u8]) -> &'static str {
    let mut buf = [0u8; 512];
    let n = head.len().min(512);
    buf[..n].copy_from_slice(&head[..n]);
    if buf.starts_with(b"PK\x03\x04") {
        return "application/zip";
    }
    if buf.starts_with(b"%PDF-") {
        return "application/pdf";
    }
    let binary = buf.iter().any(|&b| {
        b <= 0x08 || b == 0x0B || (0x0E..=0x1A).contains(&b) || (0x1C..=0x1F).contains(&b)
    });
    if binary {
        "application/octet-stream"
    } else {
        "text/plain; charset=utf-8"
    }
}

/// Reads a gzipped tar chart archive into files, with Helm's path checks: the first
/// path element (the chart's folder) is dropped, absolute paths, `..` and drive letters
/// are refused, sizes are bounded.
pub fn load_archive_files(data: &[u8], limits: Limits) -> Result<Vec<BufferedFile>, ChartError> {
    // Go's gzip reader: a short header is a cut stream, a wrong magic a bad header.
    match data.len() {
        0 => return Err(ChartError::Archive("EOF".into())),
        1..10 => return Err(ChartError::Archive("unexpected EOF".into())),
        _ if !data.starts_with(b"\x1F\x8B\x08") => return Err(ChartError::GzipHeader),
        _ => {}
    }
    let gz = flate2::read::MultiGzDecoder::new(data);
    let bounded = Bounded {
        inner: gz,
        left: limits.max_chart_size.saturating_add(STREAM_SLACK),
    };
    let mut archive = tar::Archive::new(bounded);
    let files = read_entries(&mut archive, limits)?;
    check_end_of_archive(archive.into_inner(), limits)?;
    if files.is_empty() {
        return Err(ChartError::NoFiles);
    }
    Ok(files)
}

/// Go's tar reader ends an archive at two zero blocks: where the tar crate stops at the
/// first, the second must be whole zeros too (or the stream end right there).
fn check_end_of_archive(mut rest: impl Read, limits: Limits) -> Result<(), ChartError> {
    let mut block = [0u8; 512];
    let mut got = 0;
    while got < block.len() {
        match rest.read(&mut block[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(stream_error(e, limits)),
        }
    }
    match got {
        0 => Ok(()),
        512 if block.iter().all(|&b| b == 0) => Ok(()),
        512 => Err(ChartError::Archive(
            "archive/tar: invalid tar header".into(),
        )),
        _ => Err(ChartError::Archive("unexpected EOF".into())),
    }
}

fn read_entries<R: Read>(
    archive: &mut tar::Archive<R>,
    limits: Limits,
) -> Result<Vec<BufferedFile>, ChartError> {
    let entries = archive.entries().map_err(|e| stream_error(e, limits))?;
    let mut files = Vec::new();
    let mut remaining = limits.max_chart_size;
    // Whether every byte of the last entry's data was read: then a stream that ends
    // in the padding after it ends the archive, as Go's tar reader takes it.
    let mut data_read = false;
    for entry in entries {
        let mut entry = match entry {
            Ok(entry) => entry,
            Err(e) if data_read && e.to_string().contains("during skip") => break,
            Err(e) => return Err(stream_error(e, limits)),
        };
        data_read = entry.size() == 0;
        let header = entry.header();
        let kind = header.entry_type();
        let raw_name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
        use tar::EntryType as E;
        match kind {
            E::Directory | E::XGlobalHeader | E::XHeader | E::GNULongName | E::GNULongLink => {
                continue
            }
            E::Symlink | E::Link => return Err(ChartError::Link(raw_name)),
            E::Regular | E::Continuous | E::GNUSparse => {}
            _ if kind.is_file() => {}
            _ => return Err(ChartError::SpecialFile(raw_name)),
        }
        if raw_name.ends_with('/') && entry.size() == 0 {
            // A directory written as a regular entry (old tar writers).
            continue;
        }
        let name = archive_path(&raw_name)?;
        let size = entry.size();
        if size > remaining {
            return Err(ChartError::ChartTooLarge(limits.max_chart_size));
        }
        if size > limits.max_file_size {
            return Err(ChartError::FileTooLarge {
                name: raw_name,
                max: limits.max_file_size,
            });
        }
        // The tar reader yields exactly the header's size (at most `remaining`, checked
        // above), so fewer bytes mean the stream was cut inside the entry: Go's tar
        // reader fails the copy with io.ErrUnexpectedEOF before helm's size checks.
        let data = read_exactly(&mut (&mut entry).take(remaining), size as usize)
            .map_err(|e| stream_error(e, limits))?
            .ok_or_else(|| ChartError::Archive("unexpected EOF".into()))?;
        data_read = true;
        remaining -= size;
        if remaining == 0 {
            return Err(ChartError::ChartTooLarge(limits.max_chart_size));
        }
        files.push(BufferedFile {
            name,
            data: data.into(),
        });
    }
    Ok(files)
}

/// The checked path of an archive entry, relative to the chart root.
fn archive_path(raw: &str) -> Result<String, ChartError> {
    // An archive made on Windows may use backslashes throughout.
    let delimiter = if raw.contains('\\') { '\\' } else { '/' };
    let mut parts = raw.split(delimiter);
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    let n = rest.join("/");
    if n.starts_with('/') {
        return Err(ChartError::AbsolutePath);
    }
    let n = crate::gopath::clean(&n);
    if n == "." {
        return Err(ChartError::OutsideBase(raw.to_string()));
    }
    if n.starts_with("..") {
        return Err(ChartError::ParentDirectory);
    }
    let b = n.as_bytes();
    if b.len() >= 3 && b[0].is_ascii_alphabetic() && b[1] == b':' && b[2] == b'/' {
        return Err(ChartError::IllegalName);
    }
    if first == "Chart.yaml" {
        return Err(ChartError::ChartYamlNotInBase);
    }
    Ok(n)
}

/// Maps a read error of the gzip/tar stream to a chart error.
fn stream_error(e: io::Error, limits: Limits) -> ChartError {
    if e.kind() == io::ErrorKind::FileTooLarge {
        return ChartError::ChartTooLarge(limits.max_chart_size);
    }
    let msg = e.to_string();
    if msg.contains("invalid gzip header") {
        return ChartError::GzipHeader;
    }
    // Go's readers report a cut stream as io.ErrUnexpectedEOF.
    if e.kind() == io::ErrorKind::UnexpectedEof
        || msg.contains("incomplete")
        || msg.contains("unexpected end")
        // The tar crate's words for a header block, or skipped data, cut short.
        || msg.contains("failed to read entire block")
        || msg.contains("during skip")
    {
        return ChartError::Archive("unexpected EOF".into());
    }
    ChartError::Archive(msg)
}

/// A reader that fails once more than `left` bytes have come through.
struct Bounded<R> {
    inner: R,
    left: u64,
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if n as u64 > self.left {
            return Err(io::Error::new(
                io::ErrorKind::FileTooLarge,
                "decompressed stream too large",
            ));
        }
        self.left -= n as u64;
        Ok(n)
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::Write;

    /// Builds a gzipped tar in memory. Each entry: (path, kind, data).
    pub(crate) fn tgz(entries: &[(&str, tar::EntryType, &[u8])]) -> Vec<u8> {
        let mut builder = tar::Builder::new(Vec::new());
        for (path, kind, data) in entries {
            let mut h = tar::Header::new_gnu();
            h.set_entry_type(*kind);
            h.set_size(data.len() as u64);
            h.set_mode(0o644);
            if *kind == tar::EntryType::Symlink || *kind == tar::EntryType::Link {
                h.set_link_name("target").unwrap();
            }
            // Write the name bytes directly: set_path refuses `..`, which is the point.
            let name = path.as_bytes();
            let gnu = h.as_gnu_mut().unwrap();
            gnu.name[..name.len()].copy_from_slice(name);
            h.set_cksum();
            builder.append(&h, *data).unwrap();
        }
        gzip(&builder.into_inner().unwrap())
    }

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut gz = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(data).unwrap();
        gz.finish().unwrap()
    }

    /// The tar inside [`tgz`]'s archive, cut to `len` bytes and gzipped again.
    fn cut_tar(entries: &[(&str, tar::EntryType, &[u8])], len: usize) -> Vec<u8> {
        let mut tar = Vec::new();
        flate2::read::GzDecoder::new(&tgz(entries)[..])
            .read_to_end(&mut tar)
            .unwrap();
        gzip(&tar[..len])
    }

    fn reg<'a>(path: &'a str, data: &'static [u8]) -> (&'a str, tar::EntryType, &'static [u8]) {
        (path, tar::EntryType::Regular, data)
    }

    fn err(entries: &[(&str, tar::EntryType, &[u8])]) -> String {
        load_archive_files(&tgz(entries), Limits::default())
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn strips_the_top_folder_and_bom() {
        let files = load_archive_files(
            &tgz(&[
                reg("c/Chart.yaml", b"\xEF\xBB\xBFname: c"),
                reg("c/templates/./a.yaml", b"x"),
            ]),
            Limits::default(),
        )
        .unwrap();
        assert_eq!(
            files[0],
            BufferedFile::new("Chart.yaml", b"name: c".to_vec())
        );
        assert_eq!(files[1].name, "templates/a.yaml");
    }

    #[test]
    fn path_attacks_get_helms_errors() {
        assert_eq!(
            err(&[reg("c/../../etc/passwd", b"x")]),
            "chart illegally references parent directory"
        );
        assert_eq!(
            err(&[reg("c//etc/passwd", b"x")]),
            "chart illegally contains absolute paths"
        );
        assert_eq!(
            err(&[reg("c/x/..", b"x")]),
            "chart illegally contains content outside the base directory: \"c/x/..\""
        );
        assert_eq!(
            err(&[reg("toplevel", b"x")]),
            "chart illegally contains content outside the base directory: \"toplevel\""
        );
        assert_eq!(
            err(&[reg("c\\c:\\x", b"x")]),
            "chart contains illegally named files"
        );
        assert_eq!(
            err(&[reg("Chart.yaml/x", b"x")]),
            "chart yaml not in base directory"
        );
        assert_eq!(
            err(&[(("c/templates/"), tar::EntryType::Directory, b"")]),
            "no files in chart archive"
        );
    }

    #[test]
    fn links_and_devices_are_refused() {
        assert_eq!(
            err(&[("c/link", tar::EntryType::Symlink, b"")]),
            "chart illegally contains a link: \"c/link\""
        );
        assert_eq!(
            err(&[("c/hard", tar::EntryType::Link, b"")]),
            "chart illegally contains a link: \"c/hard\""
        );
        assert_eq!(
            err(&[("c/dev", tar::EntryType::Char, b"")]),
            "chart illegally contains a special file: \"c/dev\""
        );
        assert_eq!(
            err(&[("c/fifo", tar::EntryType::Fifo, b"")]),
            "chart illegally contains a special file: \"c/fifo\""
        );
    }

    #[test]
    fn sizes_are_bounded() {
        let small = Limits {
            max_chart_size: 100,
            max_file_size: 10,
        };
        let big = vec![b'a'; 11];
        let e = load_archive_files(&tgz(&[("c/big", tar::EntryType::Regular, &big)]), small)
            .unwrap_err();
        assert_eq!(
            e.to_string(),
            "decompressed chart file \"c/big\" is larger than the maximum file size 10"
        );
        let ten = vec![b'a'; 10];
        let many: Vec<(String, Vec<u8>)> =
            (0..11).map(|i| (format!("c/f{i}"), ten.clone())).collect();
        let entries: Vec<_> = many
            .iter()
            .map(|(n, d)| (n.as_str(), tar::EntryType::Regular, d.as_slice()))
            .collect();
        let e = load_archive_files(&tgz(&entries), small).unwrap_err();
        assert_eq!(
            e.to_string(),
            "decompressed chart is larger than the maximum size 100"
        );
    }

    #[test]
    fn gzip_bomb_in_skipped_entries_is_bounded() {
        // A directory entry that claims a huge body: tar would read through all of it.
        let limits = Limits {
            max_chart_size: 1024,
            max_file_size: 1024,
        };
        let body = vec![0u8; (STREAM_SLACK + 4096) as usize];
        let e = load_archive_files(
            &tgz(&[("c/d/", tar::EntryType::Directory, &body), reg("c/x", b"1")]),
            limits,
        );
        assert_eq!(
            e.unwrap_err().to_string(),
            "decompressed chart is larger than the maximum size 1024"
        );
    }

    #[test]
    fn not_gzip() {
        assert_eq!(
            load_archive_files(b"hello, world", Limits::default())
                .unwrap_err()
                .to_string(),
            "gzip: invalid header"
        );
        assert_eq!(
            ensure_archive("x.tgz", b"hi\n").unwrap_err().to_string(),
            "file 'x.tgz' does not appear to be a gzipped archive; got 'application/octet-stream'"
        );
        assert_eq!(
            ensure_archive("x.yaml", b"hi\n").unwrap_err().to_string(),
            "file 'x.yaml' seems to be a YAML file, but expected a gzipped archive"
        );
        assert!(ensure_archive("x", b"\x1f\x8b\x08\0").is_ok());
    }

    #[test]
    fn cut_stream_is_unexpected_eof() {
        // helm4 `show chart` on gzip magic followed by garbage: `Error: unexpected EOF`.
        let e = load_archive_files(b"\x1f\x8b\x08\0garbage", Limits::default()).unwrap_err();
        assert_eq!(e.to_string(), "unexpected EOF");
        // helm4, a subchart archive holding `notgz\n`: `unexpected EOF`.
        assert_eq!(
            load_archive_files(b"notgz\n", Limits::default())
                .unwrap_err()
                .to_string(),
            "unexpected EOF"
        );
    }

    #[test]
    fn the_archive_ends_at_two_zero_blocks() {
        // helm4 and helm3 `show chart` on a tar whose end-of-archive marker is one zero
        // block and then: nothing or a second zero block (and anything after it) load;
        // a part of a block is `unexpected EOF`; a block that is not zeros is
        // `archive/tar: invalid tar header`.
        let entries = [reg("c/Chart.yaml", b"name: c\nversion: 1.0.0\n")];
        let mut tar = Vec::new();
        flate2::read::GzDecoder::new(&tgz(&entries)[..])
            .read_to_end(&mut tar)
            .unwrap();
        let body = &tar[..1024];
        let with = |tail: &[u8]| gzip(&[body, tail].concat());
        let zeros = [0u8; 1024];
        for tail in [
            &zeros[..512],
            &zeros[..],
            &[&zeros[..], b"junk"].concat()[..],
        ] {
            let files = load_archive_files(&with(tail), Limits::default()).unwrap();
            assert_eq!(files.len(), 1);
        }
        let cut = [
            &zeros[..512 + 466],
            &zeros[..300],
            &[&zeros[..512], b"xy"].concat()[..],
        ];
        for tail in cut {
            let e = load_archive_files(&with(tail), Limits::default()).unwrap_err();
            assert_eq!(
                e.to_string(),
                "unexpected EOF",
                "{} bytes after",
                tail.len()
            );
        }
        let e = load_archive_files(
            &with(&[&zeros[..512], &[b'x'; 512]].concat()),
            Limits::default(),
        );
        assert_eq!(
            e.unwrap_err().to_string(),
            "archive/tar: invalid tar header"
        );
    }

    #[test]
    fn cut_tar_is_unexpected_eof() {
        // helm4 `show chart` on a whole gzip stream holding a tar cut inside a header
        // block or inside a file's data: `Error: unexpected EOF`.
        let entries = [reg("c/Chart.yaml", b"name: c\nversion: 1.0.0\n")];
        for len in [100, 512 + 10] {
            let e = load_archive_files(&cut_tar(&entries, len), Limits::default()).unwrap_err();
            assert_eq!(e.to_string(), "unexpected EOF", "cut at {len}");
        }
        // Cut inside the padding after the data, or where a header would start: the end
        // of the archive (helm4 and helm3 load the chart).
        for len in [512 + 24, 512 + 100, 1024] {
            let files = load_archive_files(&cut_tar(&entries, len), Limits::default()).unwrap();
            assert_eq!(files.len(), 1, "cut at {len}");
        }
        // A skipped entry's data cut short is still a cut stream.
        let dir = [("c/d/", tar::EntryType::Directory, &[7u8; 100][..])];
        let e = load_archive_files(&cut_tar(&dir, 512 + 50), Limits::default()).unwrap_err();
        assert_eq!(e.to_string(), "unexpected EOF");
    }
}
