import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'maplibre-gl/dist/maplibre-gl.css';
import './ui/fonts.css';
import './ui/app.css';
import { App } from './ui/app';

const root = document.getElementById('root');
if (!root) throw new Error('Karabakh Atlas: the page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
