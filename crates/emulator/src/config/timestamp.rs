//! YAML timestamps (`!!timestamp`): `YYYY-M-D`, optionally followed by `T`,
//! `t` or blanks and `H:MM:SS[.frac]`, then optionally `Z` or `±H[:MM]`
//! (blanks allowed before the zone). No zone means UTC.

use argdata::Timestamp;

/// Parses a timestamp; `None` if it is not one.
pub(super) fn parse(text: &str) -> Option<Timestamp> {
    let mut s = Cursor(text.as_bytes());
    let year = s.digits(4, 4)? as i64;
    s.expect(b'-')?;
    let month = s.digits(1, 2)? as u32;
    s.expect(b'-')?;
    let day = s.digits(1, 2)? as u32;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    if s.0.is_empty() {
        return Timestamp::from_nanos(i128::from(days) * 86_400 * NANOS);
    }
    let (secs_of_day, nanos) = time_of_day(&mut s)?;
    let offset = zone(&mut s)?;
    if !s.0.is_empty() {
        return None;
    }
    let secs = i128::from(days) * 86_400 + i128::from(secs_of_day) - i128::from(offset);
    Timestamp::from_nanos(secs * NANOS + i128::from(nanos))
}

const NANOS: i128 = 1_000_000_000;

struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    /// Reads `min..=max` decimal digits.
    fn digits(&mut self, min: usize, max: usize) -> Option<u64> {
        let n = self
            .0
            .iter()
            .take(max)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if n < min {
            return None;
        }
        let v = self.0[..n]
            .iter()
            .fold(0u64, |v, b| v * 10 + u64::from(b - b'0'));
        self.0 = &self.0[n..];
        Some(v)
    }

    fn expect(&mut self, b: u8) -> Option<()> {
        (self.0.first() == Some(&b)).then(|| self.0 = &self.0[1..])
    }

    fn skip_blanks(&mut self) -> usize {
        let n = self
            .0
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
        self.0 = &self.0[n..];
        n
    }
}

/// `[Tt]|[ \t]+` then `H:MM:SS[.frac]`: seconds into the day and nanoseconds.
fn time_of_day(s: &mut Cursor<'_>) -> Option<(u32, u32)> {
    if s.expect(b'T').is_none() && s.expect(b't').is_none() && s.skip_blanks() == 0 {
        return None;
    }
    let h = s.digits(1, 2)? as u32;
    s.expect(b':')?;
    let m = s.digits(2, 2)? as u32;
    s.expect(b':')?;
    let sec = s.digits(2, 2)? as u32;
    if h > 23 || m > 59 || sec > 60 {
        return None;
    }
    let mut nanos = 0u32;
    if s.expect(b'.').is_some() {
        let n = s.0.iter().take_while(|b| b.is_ascii_digit()).count();
        for (i, b) in s.0[..n].iter().enumerate().take(9) {
            nanos += u32::from(b - b'0') * 10u32.pow(8 - i as u32);
        }
        s.0 = &s.0[n..];
    }
    Some((h * 3600 + m * 60 + sec, nanos))
}

/// Optional `Z` or `±H[:MM]`: the zone's offset east of UTC in seconds.
fn zone(s: &mut Cursor<'_>) -> Option<i32> {
    s.skip_blanks();
    if s.0.is_empty() {
        return Some(0);
    }
    if s.expect(b'Z').is_some() {
        return Some(0);
    }
    let sign = match s.0.first()? {
        b'+' => 1,
        b'-' => -1,
        _ => return None,
    };
    s.0 = &s.0[1..];
    let h = s.digits(1, 2)? as i32;
    let m = if s.expect(b':').is_some() {
        s.digits(2, 2)? as i32
    } else {
        0
    };
    if h > 23 || m > 59 {
        return None;
    }
    Some(sign * (h * 3600 + m * 60))
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// well-known algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ns(text: &str) -> Option<i128> {
        parse(text).map(Timestamp::as_nanos)
    }

    #[test]
    fn yaml_spec_examples() {
        assert_eq!(ns("2002-12-14"), Some(1_039_824_000 * NANOS));
        assert_eq!(
            ns("2001-12-14t21:59:43.10-05:00"),
            Some(1_008_385_183 * NANOS + 100_000_000)
        );
        assert_eq!(
            ns("2001-12-14 21:59:43.10 -5"),
            Some(1_008_385_183 * NANOS + 100_000_000)
        );
        assert_eq!(
            ns("2001-12-15T02:59:43.1Z"),
            Some(1_008_385_183 * NANOS + 100_000_000)
        );
        assert_eq!(
            ns("2001-12-15 2:59:43.10"),
            Some(1_008_385_183 * NANOS + 100_000_000)
        );
        assert_eq!(ns("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(ns("1969-12-31T23:59:59.5Z"), Some(-NANOS / 2));
    }

    #[test]
    fn rejects_nonsense() {
        for t in [
            "2001-13-01",
            "2001-02-29",
            "2001-1-1T25:00:00",
            "01-01-01",
            "2001-01-01x",
            "",
        ] {
            assert_eq!(ns(t), None, "{t}");
        }
        assert!(ns("2000-02-29").is_some());
    }
}
