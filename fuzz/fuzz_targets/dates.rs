#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| byline_fuzz::checks::dates(data));
