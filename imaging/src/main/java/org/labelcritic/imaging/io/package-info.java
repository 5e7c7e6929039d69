/** Small image-file utilities: probing an image's size without decoding its pixels. */
package org.labelcritic.imaging.io;
