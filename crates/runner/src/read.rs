//! Reading one input file, defensively: never more than the size limit
//! (a file may grow after it was listed), and never blocking on something
//! that turned into a FIFO or a device since the listing.

use std::io::Read;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use missive_model::RejectReason;

/// Why a file could not be read: a reject reason and its detail.
pub type Failure = (RejectReason, String);

/// Reads at most `max_bytes` bytes of the regular file at `path`.
pub fn read_capped(path: &Path, max_bytes: u64) -> Result<Vec<u8>, Failure> {
    let unreadable = |e: std::io::Error| (RejectReason::Unreadable, e.to_string());
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NONBLOCK.bits() as i32)
        .open(path)
        .map_err(unreadable)?;
    let meta = file.metadata().map_err(unreadable)?;
    if !meta.is_file() {
        return Err((RejectReason::Unreadable, "not a regular file".into()));
    }
    if meta.len() > max_bytes {
        return Err(too_large(meta.len(), max_bytes));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(max_bytes.saturating_add(1)).read_to_end(&mut bytes).map_err(unreadable)?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(bytes.len() as u64, max_bytes));
    }
    Ok(bytes)
}

pub fn too_large(bytes: u64, max_bytes: u64) -> Failure {
    (RejectReason::TooLarge, format!("{bytes} bytes is over the limit of {max_bytes}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn caps_and_refuses_what_is_not_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, "0123456789").unwrap();
        assert_eq!(read_capped(&p, 10).unwrap(), b"0123456789");
        assert_eq!(read_capped(&p, 9).unwrap_err().0, RejectReason::TooLarge);
        assert_eq!(read_capped(dir.path(), 10).unwrap_err().0, RejectReason::Unreadable);
        let gone = read_capped(&dir.path().join("gone.txt"), 10).unwrap_err();
        assert_eq!(gone.0, RejectReason::Unreadable);
        assert!(gone.1.contains("No such file"), "{}", gone.1);
    }
}
