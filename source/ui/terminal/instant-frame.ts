// What the reader is handed by the instant frame (cli/instant-frame.ts): the
// frame already on screen, and how to keep the next start's. Declared here so
// that the reader (run.tsx) needs nothing from cli/: arrows point down only.

/** What the reader is handed (ui/run.tsx): the frame on screen, if any, and how to keep its own. */
export interface InstantFrame {
	/** The frame written at start, or null. */
	shown: string | null;
	/** False where the start read more than the index's snapshot or the bundled calls (files parsed, a first run), or has a notice on screen: no frame is kept from it. */
	keeps: boolean;
	/** The reader's first frame, as Ink wrote it: kept for the next start, if this start may keep one. */
	keep(frame: string): void;
	/** On quit: the size of the terminal then, and a frame of the reader as the next start will open it, drawn off screen at that size and the other sizes used lately. False where this start's store is not what the next start reads (see keepAfter). */
	keepNext(cols: number, rows: number, draw: (cols: number, rows: number) => Promise<string | null>): Promise<boolean>;
	/** On quit after a start that changed the index: `next` reads the store the next start will (emptying the index's log first), and its frame is kept under the index as it is then. */
	keepAfter<S>(cols: number, rows: number, next: () => S | null, draw: (store: S, cols: number, rows: number) => Promise<string | null>): Promise<void>;
	/** The reader has put its own handling of the terminal in place. */
	handOver(): void;
	/** The reader will not run after all: the terminal as it was, before a message is written. */
	abandon(): void;
}

