export * from './rows.js';
export * from './charts.js';
