/**
 * Common given names in the news of German-, Spanish- and French-speaking countries, and
 * some that travel everywhere: a capitalised word from this list that opens a run of
 * capitalised words is evidence that the run names a person (issue 17), where in German
 * every noun is capitalised and the capital alone proves nothing. Written for this
 * purpose; a name missing here only means that the rules need other evidence (a title).
 */
export const GIVEN_NAMES: ReadonlySet<string> = new Set(
  `
  Adam Adrian Agnès Agnieszka Ahmed Alain Alba Albert Alberto Alejandra Alejandro Aleksandr Alessandro Alex Alexander Alexandra Alexandre Alexis Alfonso Alfred Ali Alice Alicia Amélie
  Ana Andrea Andreas Andrés André Andrzej Angela Angelika Ann Anna Anne Annalena Annegret Anne-Marie Antoine Antonio Antje Armin Arnaud Arturo Aurélien Axel Barbara Bastian Beatriz
  Benjamin Benoît Bernard Bernd Bertrand Bettina Birgit Bruno Camille Carla Carlos Carmen Caroline Catherine Cécile Cem Charles Charlotte Christian Christiane Christina Christine
  Christoph Christophe Christopher Claire Clara Claude Claudia Clément Cristina Daniel Daniela David Denis Diana Didier Diego Dieter Dirk Dominique Dorothea Eduardo Elena Élisabeth
  Elisabeth Elke Elsa Emilia Emilio Emma Emmanuel Enrique Éric Eric Erik Ernesto Esteban Eva Fabian Fabien Fabienne Federico Felipe Felix Fernando Florence Florian Francisco François
  Françoise Frank Franz Franziska Frédéric Friedrich Gabriel Gabriela Gabriele Georg Georges Gerhard Gérard Gilles Giorgia Giuseppe Gonzalo Gregor Guillaume Günter Günther Gustavo
  Hans Hannah Harald Heike Heiko Heinrich Heinz Helena Helmut Henri Hermann Horst Hubert Hugo Ignacio Ingrid Irene Isabel Isabelle Jacques Jaime Jan Javier Jean Jean-Claude Jean-Luc
  Jean-Marie Jean-Pierre Jens Jérôme Joachim Joaquín Johanna Johannes Jordi Jörg Jorge José Josef Joseph Josep Juan Judith Julia Julian Julien Juliette Jürgen Karin Karl Karl-Heinz
  Katarina Katharina Katja Klaus Kristina Kurt Lars Laura Laurent Lea Léa Lena Leonardo Lisa Lorenzo Louis Louise Luc Luca Lucas Lucía Lucie Ludwig Luis Luisa Lukas Magdalena Manuel
  Manuela Marc Marcel Marco Marcos Margarete Margot Margarita María Maria Marie Marina Mario Marion Markus Marta Martin Martina Mateo Mathieu Mathilde Matthias Max Maximilian Mélanie
  Mercedes Michael Michel Michèle Miguel Mohamed Mohammed Monika Nadine Nathalie Nicolas Nicole Niklas Nina Norbert Olaf Olga Olivia Olivier Óscar Oscar Pablo Pascal Patricia
  Patrick Paul Paula Pedro Peter Petra Philipp Philippe Pierre Pilar Rafael Ralf Ramón Raúl Raphaël Regina Reinhard Renate Ricardo Richard Robert Roberto Rodrigo Roland Rolf Rosa
  Rüdiger Sabine Samuel Sandra Santiago Sara Sarah Sascha Sébastien Sebastian Sergio Simon Simone Sofía Sophie Stefan Stefanie Steffen Stéphane Stephan Susanne Sven Sylvie Theo
  Thierry Thomas Thorsten Tobias Tom Torsten Ulrich Ursula Uwe Valentin Valérie Vanessa Vera Verónica Víctor Victor Vincent Virginie Walter Werner Wolfgang Xavier Yannick Yolanda Yves
  `
    .trim()
    .split(/\s+/),
);
