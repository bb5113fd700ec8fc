// The part of the qrcode package (a devDependency without types) the tests compare against.
declare module 'qrcode' {
  const QRCode: { create(text: string, options: { errorCorrectionLevel: 'L' | 'M' | 'Q' | 'H' }): { version: number } };
  export default QRCode;
}
