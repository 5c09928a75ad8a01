// The terminal's size, read here once for the whole app and passed down as
// width and height: fixed when given (tests), else the terminal's, live on resize.
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export function useSize(cols?: number, rows?: number) {
	const {stdout} = useStdout();
	const read = () => ({cols: cols ?? stdout.columns ?? 80, rows: rows ?? stdout.rows ?? 24});
	const [size, setSize] = useState(read);
	useEffect(() => {
		if (cols !== undefined && rows !== undefined) return;
		const onResize = () => setSize(read());
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, cols, rows]);
	// A size given (a test) is the size, also when it is given anew.
	return cols !== undefined && rows !== undefined ? {cols, rows} : size;
}
