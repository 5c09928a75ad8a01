// A parsed call made cheap to hand from one thread to another. Posting a call
// as objects costs the structured clone of every turn and paragraph (~100,000
// objects a call; measured slower than parsing on one thread). So its turns
// travel as one JSON string (a copy of bytes), parsed when first read — or not
// at all, when the command reads no turns (`list`, `check`): then they are
// worked out again from the file if something does ask for them.
import type {Call, ListFigures, Turn} from '../types.js';
import {listFigures} from './view.js';

/** A call as posted: everything but its turns (as JSON, or left behind), with the list's figures worked out already. */
export type PortableCall = Omit<Call, 'turns' | 'figures'> & {figures: ListFigures; turnsJson: string | null};

export function toPortable(call: Call, withTurns: boolean): PortableCall {
	const {turns, figures: _figures, ...rest} = call;
	return {...rest, figures: listFigures(call), turnsJson: withTurns ? JSON.stringify(turns) : null};
}

/** A call whose turns are parsed from their JSON on first use (getters on the class, not per object). */
class PortedCall implements Call {
	id: string;
	source: string;
	path: string;
	bundled: boolean;
	layout: Call['layout'];
	meta: Call['meta'];
	speakers: Call['speakers'];
	errors: string[];
	coverage: Call['coverage'];
	figures: ListFigures;
	private turnsJson: string | null;
	private turnList: Turn[] | null = null;
	private readonly reparse: () => Turn[];

	constructor(p: PortableCall, reparse: () => Turn[]) {
		this.id = p.id;
		this.source = p.source;
		this.path = p.path;
		this.bundled = p.bundled;
		this.layout = p.layout;
		this.meta = p.meta;
		this.speakers = p.speakers;
		this.errors = p.errors;
		this.coverage = p.coverage;
		this.figures = p.figures;
		this.turnsJson = p.turnsJson;
		this.reparse = reparse;
	}

	get turns(): Turn[] {
		if (this.turnList === null) {
			this.turnList = this.turnsJson === null ? this.reparse() : (JSON.parse(this.turnsJson) as Turn[]);
			// The string is no longer needed once parsed: memory for one copy, not two.
			this.turnsJson = null;
		}
		return this.turnList;
	}
}

/** The call, its turns read from the JSON posted or, where none was, from `reparse` (the file parsed again). */
export function fromPortable(p: PortableCall, reparse: () => Turn[] = () => []): Call {
	return new PortedCall(p, reparse);
}
