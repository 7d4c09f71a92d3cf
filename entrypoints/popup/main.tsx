import { render } from 'preact';
import { PopupApp } from '../../components/PopupApp';
import { papersDb } from '../../lib/db';

const root = document.getElementById('app');
if (root) render(<PopupApp db={papersDb()} />, root);
