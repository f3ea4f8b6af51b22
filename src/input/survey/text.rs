//! Bytes → UTF-8 text stream: encoding detection, streaming decoding, a line-length guard,
//! and delimiter sniffing from the header line.
//!
//! Input: any `Read` over the raw file. Output: a `Read` yielding UTF-8 (BOM removed) and the
//! delimiter to parse it with. Nothing here knows about Kano, and nothing buffers a whole
//! file.
//!
//! Encoding rules, in order: a byte-order mark wins (UTF-8, UTF-16LE, UTF-16BE); an encoding
//! named in the options comes next; otherwise the first [`SNIFF_BYTES`] bytes decide: valid
//! UTF-8 (a character cut at the end of the window is fine) → UTF-8, else GB18030 (a superset
//! of GBK and GB2312, what Chinese survey platforms and Excel on Chinese Windows export).
//! UTF-8 text is passed through untouched (the CSV parser validates it); any other encoding
//! is decoded chunk by chunk by [`encoding_rs_io`], so memory stays flat.

use std::io::{self, Cursor, Read};

use encoding_rs::{Encoding, GB18030, UTF_8};
use encoding_rs_io::DecodeReaderBytesBuilder;

/// How many bytes at the start of the file decide the encoding.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// The decoded text stream.
pub type TextReader = Box<dyn Read>;

/// Why the start of a file cannot be a text survey.
pub fn binary_kind(prefix: &[u8]) -> Option<&'static str> {
    if prefix.starts_with(b"PK\x03\x04") {
        Some("an Excel workbook (.xlsx) or another zip archive")
    } else if prefix.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("an old Excel workbook (.xls) or another OLE document")
    } else if prefix.starts_with(b"%PDF") {
        Some("a PDF document")
    } else if prefix.contains(&0) {
        Some("it contains NUL bytes (a binary file, or UTF-16 without a byte-order mark)")
    } else {
        None
    }
}

/// The catalog word (`check.words.<key>`) for what [`binary_kind`] found.
pub fn binary_word(what: &str) -> &'static str {
    if what.contains(".xlsx") {
        "binary_xlsx"
    } else if what.contains(".xls") {
        "binary_xls"
    } else if what.contains("PDF") {
        "binary_pdf"
    } else {
        "binary_nul"
    }
}

/// The encoding the start of a file is in, and the length of its byte-order mark.
/// `forced` is an encoding the user named; a byte-order mark still wins over it.
pub fn detect(
    prefix: &[u8],
    at_eof: bool,
    forced: Option<&'static Encoding>,
) -> (&'static Encoding, usize) {
    if let Some((enc, bom)) = Encoding::for_bom(prefix) {
        return (enc, bom);
    }
    if let Some(enc) = forced {
        return (enc, 0);
    }
    match std::str::from_utf8(prefix) {
        Ok(_) => (UTF_8, 0),
        // A multi-byte character cut off by the end of the window.
        Err(e) if e.error_len().is_none() && !at_eof => (UTF_8, 0),
        Err(_) => (GB18030, 0),
    }
}

/// Read until `buf` holds `want` bytes or the reader ends; true at end of input.
pub fn fill(r: &mut dyn Read, buf: &mut Vec<u8>, want: usize) -> io::Result<bool> {
    let mut chunk = [0u8; 8192];
    while buf.len() < want {
        let n = match r.read(&mut chunk[..(want - buf.len()).min(8192)]) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Ok(true);
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    Ok(false)
}

/// A text stream over `prefix` (already read, including any BOM) followed by `rest`, in
/// `encoding` (from [`detect`]), without its BOM, guarded to lines of `max_line` bytes.
pub fn text_reader(
    prefix: Vec<u8>,
    rest: Box<dyn Read>,
    encoding: &'static Encoding,
    max_line: usize,
) -> TextReader {
    let raw = Cursor::new(prefix).chain(rest);
    Box::new(LineGuard::new(decoder(raw, encoding), max_line))
}

/// `raw` decoded from `encoding` into UTF-8, chunk by chunk, its BOM removed. UTF-8 is
/// passed through unchanged (the CSV parser validates it, and reports where it is not).
pub fn decoder<R: Read>(raw: R, encoding: &'static Encoding) -> impl Read {
    DecodeReaderBytesBuilder::new()
        .encoding((encoding != UTF_8).then_some(encoding))
        .utf8_passthru(true)
        .strip_bom(true)
        .build(raw)
}

/// The error a [`LineGuard`] returns, recognisable inside an `io::Error`.
#[derive(Debug)]
pub struct LineTooLong(pub usize);

impl std::fmt::Display for LineTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "a line is longer than {} bytes", self.0)
    }
}

impl std::error::Error for LineTooLong {}

/// Fails when a line grows longer than a limit, so a binary file or a runaway field cannot
/// make the CSV parser buffer without bound.
pub struct LineGuard<R> {
    inner: R,
    limit: usize,
    current: usize,
}

impl<R> LineGuard<R> {
    /// Guard `inner` with a limit of `limit` bytes per line.
    pub fn new(inner: R, limit: usize) -> Self {
        LineGuard { inner, limit, current: 0 }
    }
}

impl<R: Read> Read for LineGuard<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let got = &buf[..n];
        match got.iter().rposition(|&b| b == b'\n') {
            Some(p) => self.current = n - p - 1,
            None => self.current = self.current.saturating_add(n),
        }
        if self.current > self.limit {
            return Err(io::Error::other(LineTooLong(self.limit)));
        }
        Ok(n)
    }
}

/// Read from `text` until the buffer holds the first non-blank line (up to a newline outside
/// quotes), `max` bytes or everything. What was read is returned so the caller can put it
/// back in front of the rest.
pub fn read_first_line(text: &mut dyn Read, max: usize) -> io::Result<Vec<u8>> {
    let mut buf = Vec::new();
    let mut chunk = [0u8; 4096];
    let mut in_quotes = false;
    let mut scanned = 0;
    let mut content = false;
    loop {
        let n = match text.read(&mut chunk) {
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Ok(buf);
        }
        buf.extend_from_slice(&chunk[..n]);
        while scanned < buf.len() {
            match buf[scanned] {
                b'"' => in_quotes = !in_quotes,
                b'\n' if !in_quotes && content => return Ok(buf),
                b'\n' | b'\r' => {}
                _ => content = true,
            }
            if buf[scanned] == b'"' {
                content = true;
            }
            scanned += 1;
        }
        if buf.len() >= max {
            return Ok(buf);
        }
    }
}

/// The length of the header line at the start of `buf`, without its line ending, skipping
/// leading blank lines: (start, end) byte offsets.
fn first_line_span(buf: &[u8]) -> (usize, usize) {
    let mut start = 0;
    while start < buf.len() && (buf[start] == b'\n' || buf[start] == b'\r') {
        start += 1;
    }
    let mut in_quotes = false;
    let mut end = start;
    while end < buf.len() {
        match buf[end] {
            b'"' => in_quotes = !in_quotes,
            b'\n' | b'\r' if !in_quotes => break,
            _ => {}
        }
        end += 1;
    }
    (start, end)
}

/// An Excel `sep=X` line at the start of `buf`: the delimiter and the bytes to drop.
pub fn excel_sep_line(buf: &[u8]) -> Option<(u8, usize)> {
    let (start, end) = first_line_span(buf);
    let line = &buf[start..end];
    if line.len() == 5 && line[..4].eq_ignore_ascii_case(b"sep=") {
        let mut drop = end;
        if buf.get(drop) == Some(&b'\r') {
            drop += 1;
        }
        if buf.get(drop) == Some(&b'\n') {
            drop += 1;
        }
        return Some((line[4], drop));
    }
    None
}

/// The delimiter of a header line: the most frequent of comma, tab and semicolon outside
/// quotes (ties and no candidates: comma, then tab, then semicolon).
pub fn sniff_delimiter(buf: &[u8]) -> u8 {
    let (start, end) = first_line_span(buf);
    let mut counts = [0usize; 3];
    let mut in_quotes = false;
    for &b in &buf[start..end] {
        match b {
            b'"' => in_quotes = !in_quotes,
            b',' if !in_quotes => counts[0] += 1,
            b'\t' if !in_quotes => counts[1] += 1,
            b';' if !in_quotes => counts[2] += 1,
            _ => {}
        }
    }
    let delims = [b',', b'\t', b';'];
    let mut best = 0;
    for i in 1..3 {
        if counts[i] > counts[best] {
            best = i;
        }
    }
    delims[best]
}

/// The `LineTooLong` limit inside an I/O error, if that is what it is.
pub fn line_too_long(e: &io::Error) -> Option<usize> {
    e.get_ref().and_then(|inner| inner.downcast_ref::<LineTooLong>()).map(|l| l.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader handing out one byte at a time.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() || buf.is_empty() {
                return Ok(0);
            }
            buf[0] = self.0[0];
            self.0 = &self.0[1..];
            Ok(1)
        }
    }

    /// Decode `bytes` arriving one at a time, reading `chunk` bytes at a time.
    fn decode_all(bytes: &[u8], enc: &'static Encoding, chunk: usize) -> String {
        let mut r = decoder(Trickle(bytes), enc);
        let mut out = Vec::new();
        let mut small = vec![0u8; chunk];
        loop {
            let n = r.read(&mut small).unwrap();
            if n == 0 {
                break;
            }
            out.extend_from_slice(&small[..n]);
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn decodes_gbk_across_tiny_chunks() {
        let text = "编号,功能点(功能),功能点(反功能)\r\n1,我很喜欢,能忍受\r\n";
        let (bytes, _, bad) = encoding_rs::GBK.encode(text);
        assert!(!bad);
        assert_ne!(&bytes[..], text.as_bytes());
        for chunk in [1, 2, 3, 4, 7, 64, 65536] {
            assert_eq!(decode_all(&bytes, GB18030, chunk), text);
        }
    }

    #[test]
    fn decodes_utf16_with_bom() {
        let text = "id,k1_F,k1_D\n1,喜欢,不喜欢\n";
        let mut bytes = vec![0xFF, 0xFE];
        for u in text.encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let (enc, bom) = detect(&bytes, true, None);
        assert_eq!((enc.name(), bom), ("UTF-16LE", 2));
        for chunk in [1, 3, 16] {
            assert_eq!(decode_all(&bytes, enc, chunk), text);
        }
    }

    #[test]
    fn utf8_passes_through_without_its_bom() {
        let bytes = b"\xEF\xBB\xBFid,k1_F\n1,\xFF\n";
        let mut out = Vec::new();
        decoder(&bytes[..], UTF_8).read_to_end(&mut out).unwrap();
        // invalid UTF-8 is left for the CSV parser to report, not replaced
        assert_eq!(out, b"id,k1_F\n1,\xFF\n");
        let mut s = String::new();
        let prefix = "编号,k1_F\n".as_bytes().to_vec();
        text_reader(prefix, Box::new(&b"1,2\n"[..]), UTF_8, 100).read_to_string(&mut s).unwrap();
        assert_eq!(s, "编号,k1_F\n1,2\n");
    }

    #[test]
    fn a_forced_encoding_decodes_and_a_bom_wins() {
        let (gbk, _, _) = encoding_rs::GBK.encode("序号,喜欢\n");
        let mut s = String::new();
        let (enc, _) = detect(&gbk, true, Some(GB18030));
        decoder(&gbk[..], enc).read_to_string(&mut s).unwrap();
        assert_eq!(s, "序号,喜欢\n");
        let bom = b"\xEF\xBB\xBFa,b\n";
        let (enc, _) = detect(bom, true, Some(GB18030));
        let mut s = String::new();
        decoder(&bom[..], enc).read_to_string(&mut s).unwrap();
        assert_eq!(s, "a,b\n");
    }

    #[test]
    fn detects_encodings() {
        assert_eq!(detect(b"a,b\n", true, None).0, UTF_8);
        assert_eq!(detect(b"\xEF\xBB\xBFa,b\n", true, None), (UTF_8, 3));
        let (gbk, _, _) = encoding_rs::GBK.encode("序号,喜欢");
        assert_eq!(detect(&gbk, true, None).0, GB18030);
        // A UTF-8 character cut by the sniff window is not a reason to fall back.
        let cut = &"ab喜".as_bytes()[..3];
        assert_eq!(detect(cut, false, None).0, UTF_8);
        assert_eq!(detect(cut, true, None).0, GB18030);
        assert_eq!(detect(b"a,b", true, Some(GB18030)).0, GB18030);
        assert_eq!(detect(b"\xEF\xBB\xBFa", true, Some(GB18030)).0, UTF_8);
    }

    #[test]
    fn sniffs_delimiters_and_sep_lines() {
        assert_eq!(sniff_delimiter(b"a,b,c\n1;2;3;4;5"), b',');
        assert_eq!(sniff_delimiter(b"a\tb\tc,d\n"), b'\t');
        assert_eq!(sniff_delimiter(b"a;b;\"c,d,e\"\n"), b';');
        assert_eq!(sniff_delimiter(b"\r\n\na;b\r\n"), b';');
        assert_eq!(sniff_delimiter(b"single\n"), b',');
        assert_eq!(excel_sep_line(b"sep=;\r\na;b\r\n"), Some((b';', 7)));
        assert_eq!(excel_sep_line(b"a;b\n"), None);
    }

    #[test]
    fn first_line_stops_at_unquoted_newline() {
        let mut r = Cursor::new(b"\"a\nb\",c\nrest".to_vec());
        let got = read_first_line(&mut r, 1 << 20).unwrap();
        assert!(got.starts_with(b"\"a\nb\",c\n"));
    }

    #[test]
    fn line_guard_trips_on_long_lines_only() {
        let mut ok = LineGuard::new(Cursor::new(b"abc\ndef\nghi".to_vec()), 4);
        let mut s = String::new();
        ok.read_to_string(&mut s).unwrap();
        assert_eq!(s, "abc\ndef\nghi");
        let mut bad = LineGuard::new(Cursor::new(vec![b'x'; 100]), 10);
        let e = bad.read_to_end(&mut Vec::new()).unwrap_err();
        assert_eq!(line_too_long(&e), Some(10));
    }

    #[test]
    fn recognises_binary_files() {
        assert!(binary_kind(b"PK\x03\x04rest").unwrap().contains("xlsx"));
        assert!(binary_kind(b"a,b\0").unwrap().contains("NUL"));
        assert_eq!(binary_kind(b"a,b\n"), None);
    }
}
