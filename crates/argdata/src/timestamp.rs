//! Timestamps: total nanoseconds since the Unix epoch, encoded like an int.

use core::fmt;
#[cfg(feature = "std")]
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::int::sign_extend;
use crate::Error;

const NANOS_PER_SEC: i128 = 1_000_000_000;

/// A point in time, UTC, with nanosecond resolution.
///
/// Always normalized: `subsec_nanos() < 1_000_000_000`, and times before the
/// epoch have negative seconds with a non-negative nanosecond part (floor
/// division), as the C library decodes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Timestamp {
    secs: i64,
    nanos: u32,
}

impl Timestamp {
    /// The Unix epoch, 1970-01-01T00:00:00Z.
    pub const EPOCH: Timestamp = Timestamp { secs: 0, nanos: 0 };

    /// `secs` seconds and `nanos` nanoseconds after the epoch.
    ///
    /// Fails with [`Error::TimestampOutOfRange`] if `nanos` is a second or
    /// more, where the C library's `argdata_create_timestamp` gives `EINVAL`.
    pub const fn new(secs: i64, nanos: u32) -> Result<Timestamp, Error> {
        if nanos as i128 >= NANOS_PER_SEC {
            return Err(Error::TimestampOutOfRange);
        }
        Ok(Timestamp { secs, nanos })
    }

    /// The timestamp `nanos` nanoseconds after the epoch, or `None` if its
    /// seconds do not fit an `i64`.
    pub fn from_nanos(nanos: i128) -> Option<Timestamp> {
        let secs = i64::try_from(nanos.div_euclid(NANOS_PER_SEC)).ok()?;
        // rem_euclid is in 0..1e9, so it fits a u32.
        let nanos = nanos.rem_euclid(NANOS_PER_SEC) as u32;
        Some(Timestamp { secs, nanos })
    }

    /// Seconds since the epoch (rounded down).
    pub const fn secs(self) -> i64 {
        self.secs
    }

    /// Nanoseconds past [`secs`](Self::secs), in `0..1_000_000_000`.
    pub const fn subsec_nanos(self) -> u32 {
        self.nanos
    }

    /// Total nanoseconds since the epoch: what is encoded.
    pub const fn as_nanos(self) -> i128 {
        self.secs as i128 * NANOS_PER_SEC + self.nanos as i128
    }
}

#[cfg(feature = "std")]
impl TryFrom<SystemTime> for Timestamp {
    type Error = Error;
    fn try_from(t: SystemTime) -> Result<Timestamp, Error> {
        let nanos = match t.duration_since(UNIX_EPOCH) {
            Ok(d) => i128::try_from(d.as_nanos()),
            Err(e) => i128::try_from(e.duration().as_nanos()).map(|n| -n),
        };
        nanos
            .ok()
            .and_then(Timestamp::from_nanos)
            .ok_or(Error::TimestampOutOfRange)
    }
}

#[cfg(feature = "std")]
impl TryFrom<Timestamp> for SystemTime {
    type Error = Error;
    fn try_from(t: Timestamp) -> Result<SystemTime, Error> {
        let whole = Duration::from_secs(t.secs.unsigned_abs());
        let t0 = if t.secs >= 0 {
            UNIX_EPOCH.checked_add(whole)
        } else {
            UNIX_EPOCH.checked_sub(whole)
        };
        t0.and_then(|t0| t0.checked_add(Duration::from_nanos(t.nanos.into())))
            .ok_or(Error::TimestampOutOfRange)
    }
}

/// Decodes a timestamp payload: at most 12 bytes, seconds within `i64`.
pub(crate) fn decode_timestamp(p: &[u8]) -> Result<Timestamp, Error> {
    if p.len() > 12 {
        return Err(Error::TimestampOutOfRange);
    }
    Timestamp::from_nanos(sign_extend(p)).ok_or(Error::TimestampOutOfRange)
}

/// Converts days since 1970-01-01 to a proleptic Gregorian (year, month, day).
///
/// Works on 400-year eras so it is exact over the whole `i64` seconds range.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    // Both are small and positive by construction.
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// RFC 3339 with nine fraction digits, e.g. `2017-07-14T02:40:00.123456789Z`.
///
/// Years outside 0000..=9999 are written in the ISO 8601 expanded form with an
/// explicit sign (`+292277026596-12-04T15:30:07.999999999Z`), so that every
/// timestamp the format can carry prints, where C's `gmtime` gives up.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let days = self.secs.div_euclid(86_400);
        let rem = self.secs.rem_euclid(86_400);
        let (year, month, day) = civil_from_days(days);
        if (0..=9999).contains(&year) {
            write!(f, "{year:04}")?;
        } else {
            write!(f, "{year:+05}")?;
        }
        write!(
            f,
            "-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:09}Z",
            rem / 3600,
            rem / 60 % 60,
            rem % 60,
            self.nanos
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalizes_before_epoch() {
        let t = Timestamp::from_nanos(-1).unwrap();
        assert_eq!((t.secs(), t.subsec_nanos()), (-1, 999_999_999));
        assert_eq!(t.as_nanos(), -1);
        assert_eq!(t.to_string(), "1969-12-31T23:59:59.999999999Z");
    }

    #[test]
    fn rejects_bad_nanos() {
        assert_eq!(
            Timestamp::new(0, 1_000_000_000),
            Err(Error::TimestampOutOfRange)
        );
        assert!(Timestamp::new(0, 999_999_999).is_ok());
    }

    #[test]
    fn limits() {
        let max = Timestamp::new(i64::MAX, 999_999_999).unwrap();
        assert_eq!(Timestamp::from_nanos(max.as_nanos()), Some(max));
        assert_eq!(Timestamp::from_nanos(max.as_nanos() + 1), None);
        let min = Timestamp::new(i64::MIN, 0).unwrap();
        assert_eq!(Timestamp::from_nanos(min.as_nanos() - 1), None);
        assert_eq!(max.to_string(), "+292277026596-12-04T15:30:07.999999999Z");
        assert_eq!(min.to_string(), "-292277022657-01-27T08:29:52.000000000Z");
    }

    #[test]
    fn display() {
        let t = Timestamp::new(1_500_000_000, 123_456_789).unwrap();
        assert_eq!(t.to_string(), "2017-07-14T02:40:00.123456789Z");
        assert_eq!(
            Timestamp::EPOCH.to_string(),
            "1970-01-01T00:00:00.000000000Z"
        );
        let leap = Timestamp::new(951_782_400, 0).unwrap();
        assert_eq!(leap.to_string(), "2000-02-29T00:00:00.000000000Z");
    }

    #[test]
    fn system_time() {
        let t = Timestamp::new(-5, 250).unwrap();
        let st = SystemTime::try_from(t).unwrap();
        assert_eq!(Timestamp::try_from(st), Ok(t));
        let now = Timestamp::try_from(SystemTime::now()).unwrap();
        assert!(now.secs() > 1_500_000_000);
    }

    #[test]
    fn decode_limits() {
        assert_eq!(decode_timestamp(&[0; 13]), Err(Error::TimestampOutOfRange));
        assert_eq!(decode_timestamp(&[0]), Ok(Timestamp::EPOCH));
    }
}
