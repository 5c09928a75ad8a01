// Imported first by tests that look at colours: Ink's chalk reads FORCE_COLOR
// when it loads, and a test's output is no terminal, so it would draw none.
process.env['FORCE_COLOR'] = '1';
